/**
 * `npm run new -- <notice|model-worker|competition|policy|unit> "中文标题"`:
 * writes a valid entry with a pinyin file name and today's date.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { dayAt } from '../src/lib/dates.ts';
import { collectionOf, KINDS, pinyinId, scaffold, type ScaffoldKind } from '../src/lib/scaffold.ts';
import { validateContent } from '../src/lib/validate/index.ts';

const [kind, ...words] = process.argv.slice(2);
const title = words.join(' ').trim();
if (!kind || !KINDS.includes(kind as ScaffoldKind) || !title) {
	console.error(`用法：npm run new -- <${KINDS.join('|')}> "中文标题"`);
	console.error('例如：npm run new -- notice "关于开展职工运动会的通知"');
	process.exit(2);
}
const contentDir = resolveContentDir();
const { site, entries } = await validateContent(contentDir);
const timeZone = site?.timezone ?? 'Asia/Shanghai';
const today = dayAt(Date.now(), timeZone);
const units = entries.filter((e) => e.collection === 'units');
const root = units.find((u) => u.data && !u.data.parent)?.id ?? units[0]?.id ?? 'hq';

const collection = collectionOf(kind as ScaffoldKind);
const folder =
	kind === 'notice'
		? join(contentDir, collection, today.slice(0, 4))
		: join(contentDir, collection);
const ext = kind === 'unit' ? '.yaml' : '.md';
const baseId = pinyinId(title);
let id = baseId;
for (let n = 2; existsSync(join(folder, id + ext)) || existsSync(join(folder, id)); n++)
	id = `${baseId}-${n}`;
const file = join(folder, id + ext);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(
	file,
	scaffold({
		kind: kind as ScaffoldKind,
		title,
		today,
		unit: root,
		unitIds: units.map((u) => u.id),
	}),
);
console.log(`已创建 ${relative(process.cwd(), file)}`);
console.log('按文件中的注释填写后，运行 npm run check 检查。');
