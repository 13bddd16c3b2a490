/**
 * A synthetic union for the scale benchmark, made from the demo union's own
 * text: paragraphs, lists and tables of the demo bodies are recombined (with
 * a seeded random generator, so a run is reproducible) into entries whose
 * pages all differ, with a realistic mix of categories, 公示 periods, units,
 * honours, results and superseded policies. The result passes `npm run check`.
 *
 *   node scripts/bench/synth.ts <out-dir> [notices]
 */
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { splitFrontMatter } from '../../src/lib/validate/read.ts';

/** How many entries of each collection: the union at 10,000 notices, scaled down linearly below. */
export interface SynthCounts {
	notices: number;
	modelWorkers: number;
	competitions: number;
	policies: number;
	units: number;
}

/** 10,000 notices come with 1,000 model workers, 300 competitions, 1,000 policies and 200 units. */
export function countsFor(notices: number): SynthCounts {
	const f = notices / 10_000;
	return {
		notices,
		modelWorkers: Math.max(4, Math.round(1000 * f)),
		competitions: Math.max(2, Math.round(300 * f)),
		policies: Math.max(4, Math.round(1000 * f)),
		units: Math.max(6, Math.round(200 * f)),
	};
}

/** Mulberry32: small, fast, and the same sequence everywhere. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const between = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(day: string, days: number): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The text pool: Markdown blocks and title stems taken from the demo union. */
export interface Corpus {
	/** Paragraphs, lists and tables (no headings, no MDX). */
	blocks: string[];
	/** Section headings (`## …`). */
	headings: string[];
	/** Demo titles without 关于…的通知-style wrapping. */
	topics: string[];
	photos: string[];
}

/** Reads the demo union (content/) into a text pool. */
export function readCorpus(demoDir: string): Corpus {
	const blocks = new Set<string>();
	const headings = new Set<string>();
	const topics = new Set<string>();
	const photos: string[] = [];
	const walk = (dir: string): void => {
		for (const name of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, name.name);
			if (name.isDirectory()) walk(path);
			else if (/\.(jpe?g|png|webp)$/i.test(name.name) && dir.endsWith('model-workers'))
				photos.push(path);
			else if (/\.mdx?$/.test(name.name)) {
				const { yaml, body } = splitFrontMatter(readFileSync(path, 'utf8'));
				const title = /^title:\s*(.+)$/m.exec(yaml ?? '')?.[1]?.trim();
				if (title)
					topics.add(title.replace(/^关于/, '').replace(/的(通知|公示|公告|通报|报告|决议)$/, ''));
				for (const block of body.split(/\n\s*\n/)) {
					const text = block.trim();
					if (!text || /^(import|export)\s|<|\{/.test(text)) continue;
					if (/^#{1,6}\s/.test(text)) {
						if (!text.includes('\n')) headings.add(text.replace(/^#+\s*/, ''));
						continue;
					}
					blocks.add(text);
				}
			}
		}
	};
	walk(demoDir);
	return {
		blocks: [...blocks],
		headings: [...headings],
		topics: [...topics],
		photos: photos.sort(),
	};
}

/** A body of `sections` headed sections, each 1–3 blocks. */
function body(r: Random, corpus: Corpus, sections: number): string {
	const out: string[] = [pick(r, corpus.blocks)];
	for (let s = 0; s < sections; s++) {
		out.push(`## ${pick(r, corpus.headings)}`);
		for (let b = between(r, 1, 3); b > 0; b--) out.push(pick(r, corpus.blocks));
	}
	return out.join('\n\n') + '\n';
}

const SURNAMES =
	'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
		'',
	);
const GIVEN =
	'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海涛晓东文博雪梅春燕国强立新红梅玉兰永刚德明振华晓燕'.match(
		/../g,
	) ?? [];
const GIVEN1 = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华斌鹏飞宇浩凯健琳婷颖'.split('');
const WORKSHOP = [
	'机加工',
	'装配',
	'热处理',
	'铸造',
	'焊接',
	'涂装',
	'总装',
	'检测',
	'物流',
	'仓储',
	'设备',
	'动力',
	'工具',
	'模具',
	'电装',
];
const DIVISIONS = [
	'第一制造部',
	'第二制造部',
	'第三制造部',
	'技术中心',
	'质量部',
	'营销中心',
	'物流中心',
	'机关',
	'设备能源部',
	'采购中心',
	'信息中心',
	'后勤服务中心',
	'国际业务部',
	'研究院',
];
const POSITIONS = [
	'数控车工',
	'装配钳工',
	'焊工',
	'电工',
	'检验员',
	'工艺工程师',
	'班组长',
	'设备维修工',
	'叉车司机',
	'质量工程师',
	'计量检定员',
	'热处理工',
	'涂装工',
	'仓库管理员',
];
const CATEGORIES = [
	'公示',
	'通知',
	'通知',
	'通知',
	'公告',
	'决议',
	'通报',
	'报告',
	'其他',
] as const;
const POLICY_CATEGORIES = [
	'集体合同',
	'专项集体合同',
	'规章制度',
	'规章制度',
	'上级文件',
	'法律法规',
	'其他',
] as const;
const POLICY_STATUSES = [
	'现行有效',
	'现行有效',
	'现行有效',
	'已修订',
	'已废止',
	'征求意见',
] as const;
const HONOUR_LEVELS = ['全国', '省部级', '市级', '集团', '公司', '其他'] as const;
const HONOURS: Record<(typeof HONOUR_LEVELS)[number], string[]> = {
	全国: ['全国五一劳动奖章', '全国劳动模范', '全国技术能手'],
	省部级: ['江苏省劳动模范', '江苏省五一劳动奖章', '江苏省技术能手'],
	市级: ['苏州市劳动模范', '苏州市五一劳动奖章', '苏州市技术能手'],
	集团: ['集团劳动模范', '集团“质量之星”', '集团十佳青年'],
	公司: ['公司先进生产者', '公司优秀共产党员', '公司安全标兵'],
	其他: ['优秀班组长', '金牌员工'],
};
const KINDS = ['劳动竞赛', '技能竞赛', '安康杯', '合理化建议', '技术创新', '其他'] as const;
const WRAP: Record<string, (t: string) => string> = {
	公示: (t) => `关于${t}的公示`,
	通知: (t) => `关于${t}的通知`,
	公告: (t) => `${t}公告`,
	决议: (t) => `${t}决议`,
	通报: (t) => `关于${t}的通报`,
	报告: (t) => `${t}工作报告`,
	其他: (t) => t,
};

const personName = (r: Random) =>
	pick(r, SURNAMES) + (r() < 0.5 ? pick(r, GIVEN1) : pick(r, GIVEN));

function write(path: string, frontMatter: Record<string, unknown>, text?: string): void {
	mkdirSync(dirname(path), { recursive: true });
	const yaml = stringify(frontMatter, { lineWidth: 0 });
	writeFileSync(path, text === undefined ? yaml : `---\n${yaml}---\n\n${text}`);
}

interface UnitInfo {
	id: string;
	name: string;
}

function units(r: Random, out: string, count: number): UnitInfo[] {
	const list: UnitInfo[] = [{ id: 'hq', name: '华东精密机械集团有限公司工会委员会' }];
	write(join(out, 'units/hq.yaml'), {
		name: list[0]!.name,
		shortName: '集团工会',
		kind: '公司工会',
		members: 12000,
	});
	const top = Math.max(2, Math.min(DIVISIONS.length, Math.round(count / 14)));
	const divisions: UnitInfo[] = [];
	for (let i = 0; i < top && list.length < count; i++) {
		const unit = { id: `d${pad(i + 1, 2)}`, name: `${DIVISIONS[i]}分工会` };
		write(join(out, `units/${unit.id}.yaml`), {
			name: unit.name,
			shortName: DIVISIONS[i],
			parent: 'hq',
			kind: '分工会',
			order: i + 1,
			members: between(r, 150, 900),
		});
		list.push(unit);
		divisions.push(unit);
	}
	for (let i = 0; list.length < count; i++) {
		const parent = divisions[i % divisions.length]!;
		const workshop = WORKSHOP[Math.floor(i / divisions.length) % WORKSHOP.length]!;
		const team = i >= divisions.length * WORKSHOP.length;
		const unit = {
			id: `${parent.id}-u${pad(i + 1, 3)}`,
			name: team
				? `${workshop}第${i}班组`
				: `${parent.name.replace('分工会', '')}${workshop}车间工会`,
		};
		write(join(out, `units/${unit.id}.yaml`), {
			name: unit.name,
			parent: parent.id,
			kind: team ? '班组' : '部门工会',
			order: i,
			members: between(r, 12, 160),
		});
		list.push(unit);
	}
	return list;
}

/** Writes a synthetic union into `out` (emptied first). Returns the counts written. */
export function synthesize(
	out: string,
	counts: SynthCounts,
	demoDir: string,
	seed = 7,
): SynthCounts {
	const r = rng(seed);
	const corpus = readCorpus(demoDir);
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const site = readFileSync(join(demoDir, 'site.yaml'), 'utf8');
	writeFileSync(join(out, 'site.yaml'), site);
	const unitList = units(r, out, counts.units);
	const unitId = () => pick(r, unitList).id;

	// Notices: spread over ten years, newest last; ids by year like real folders.
	const lastDay = '2026-11-01';
	const span = 3650;
	for (let i = 0; i < counts.notices; i++) {
		const day = addDays(
			lastDay,
			-Math.floor((span * (counts.notices - 1 - i)) / Math.max(1, counts.notices - 1)),
		);
		const category = pick(r, CATEGORIES);
		const topic = pick(r, corpus.topics);
		const data: Record<string, unknown> = {
			title: `${WRAP[category]!(topic)}（${day.slice(0, 4)}-${pad(i + 1, 5)}）`,
			category,
			unit: unitId(),
			date: day,
		};
		if (r() < 0.3) data.docNumber = `华精工发〔${day.slice(0, 4)}〕${between(r, 1, 99)}号`;
		if (category === '公示') {
			data.publicity =
				day >= '2021-01-01' && r() < 0.5
					? { start: day, workingDays: pick(r, [5, 7]), contact: '工会办公室，电话 0512-66881234' }
					: {
							start: day,
							end: addDays(day, pick(r, [5, 7, 10])),
							contact: '工会办公室，电话 0512-66881234',
						};
		}
		if (r() < 0.4)
			data.summary =
				pick(r, corpus.blocks)
					.split('\n')[0]!
					.replace(/^[-*\d.|\s]+/, '')
					.slice(0, 80) || topic;
		data.tags = [pick(r, corpus.topics).slice(0, 6), pick(r, WORKSHOP)];
		if (r() < 0.1) data.expires = addDays(day, 30);
		if (i >= counts.notices - 3) data.pinned = true;
		write(
			join(out, `notices/${day.slice(0, 4)}/n${pad(i + 1, 5)}.md`),
			data,
			body(r, corpus, between(r, 2, 5)),
		);
	}

	// Model workers: a tenth with a portrait from the demo.
	for (let i = 0; i < counts.modelWorkers; i++) {
		const name = personName(r);
		const honours = Array.from({ length: between(r, 1, 3) }, () => {
			const level = pick(r, HONOUR_LEVELS);
			return { title: pick(r, HONOURS[level]), level, year: between(r, 2005, 2026) };
		});
		const data: Record<string, unknown> = {
			name,
			unit: unitId(),
			position: pick(r, POSITIONS),
			honours,
			featured: i < 6,
			summary: `${name}同志${pick(r, ['扎根一线', '刻苦钻研', '爱岗敬业', '勇于创新'])}，${pick(r, corpus.topics)}中表现突出。`,
		};
		const file = join(out, `model-workers/w${pad(i + 1, 4)}.md`);
		if (corpus.photos.length && i % 10 === 0) {
			const photo = pick(r, corpus.photos);
			const copy = `w${pad(i + 1, 4)}${extname(photo)}`;
			mkdirSync(dirname(file), { recursive: true });
			copyFileSync(photo, join(out, 'model-workers', copy));
			data.photo = copy;
		}
		if (r() < 0.3) data.studio = `${name}创新工作室`;
		write(file, data, body(r, corpus, between(r, 2, 4)));
	}

	// Competitions: results inline, ranked by score.
	for (let i = 0; i < counts.competitions; i++) {
		const start = addDays(lastDay, -between(r, 0, span));
		const team = r() < 0.3;
		const results = Array.from({ length: between(r, 8, 30) }, (_, k) => ({
			name: team ? `${pick(r, WORKSHOP)}${k + 1}队` : personName(r),
			type: team ? '团队' : '个人',
			unit: unitId(),
			score: Math.round((60 + r() * 40) * 10) / 10,
		}));
		write(
			join(out, `competitions/${start.slice(0, 4)}/c${pad(i + 1, 4)}.md`),
			{
				title: `${start.slice(0, 4)}年${pick(r, DIVISIONS)}${pick(r, POSITIONS)}${pick(r, ['技能比武', '劳动竞赛', '岗位练兵'])}（第${i + 1}场）`,
				kind: pick(r, KINDS),
				organizer: unitId(),
				period: { start, end: addDays(start, between(r, 1, 60)) },
				summary: pick(r, corpus.topics),
				results,
				published: addDays(start, 65),
			},
			body(r, corpus, between(r, 1, 3)),
		);
	}

	// Policies: every fifth one supersedes the one before it.
	for (let i = 0; i < counts.policies; i++) {
		const issued = addDays(lastDay, -between(r, 0, span));
		const category = pick(r, POLICY_CATEGORIES);
		const internal = category !== '上级文件' && category !== '法律法规';
		const data: Record<string, unknown> = {
			title: `${pick(r, corpus.topics)}${pick(r, ['管理办法', '实施细则', '规定', '制度', '合同'])}（${pad(i + 1, 4)}）`,
			category,
			...(internal
				? { unit: unitId() }
				: { issuer: pick(r, ['江苏省总工会', '苏州市总工会', '全国总工会']) }),
			issued,
			effective: addDays(issued, 7),
			status: pick(r, POLICY_STATUSES),
		};
		if (i % 5 === 4) data.supersedes = [`p${pad(i, 4)}`];
		write(join(out, `policies/p${pad(i + 1, 4)}.md`), data, body(r, corpus, between(r, 3, 8)));
	}
	return counts;
}

if (import.meta.main) {
	const root = resolve(import.meta.dirname, '../..');
	const [target, notices] = process.argv.slice(2);
	if (!target) {
		console.error('usage: node scripts/bench/synth.ts <out-dir> [notices]');
		process.exit(2);
	}
	const counts = countsFor(Number(notices ?? process.env.BENCH_NOTICES ?? 1000));
	const demo = join(root, 'content');
	if (!existsSync(demo)) throw new Error(`no demo content in ${demo}`);
	synthesize(resolve(target), counts, demo);
	console.log(`✓ ${target}: ${JSON.stringify(counts)}`);
}
