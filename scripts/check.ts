/**
 * `npm run check`: validates the content folder (CONTENT_DIR or content/)
 * without building. One line per problem, in the site's language; exit 1 on
 * any error.
 */
import { translator } from '../src/i18n/index.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { validateContent } from '../src/lib/validate/index.ts';
import { report } from '../src/lib/validate/report.ts';

const started = performance.now();
const contentDir = resolveContentDir();
const result = await validateContent(contentDir);
const t = translator(result.site?.locale ?? 'zh-CN');
const { lines, errors } = report(result.problems, t, result.files, performance.now() - started);
for (const line of lines) console.log(line);
process.exitCode = errors ? 1 : 0;
