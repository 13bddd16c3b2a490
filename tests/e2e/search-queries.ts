/**
 * The search quality set over the demo union: what readers type and the
 * pages they expect in the first five results (site paths, without the base).
 * `npm run bench:search` runs all of them; the e2e test asserts recall@5.
 */

export type QueryKind = 'name' | 'word' | 'phrase' | 'docNumber' | 'traditional' | 'table';

export interface SearchQuery {
	query: string;
	kind: QueryKind;
	/** Every one of these should be in the top five. */
	expect: string[];
}

export const SEARCH_QUERIES: SearchQuery[] = [
	// People: model workers by name, in full and by given name.
	{ query: '李秀英', kind: 'name', expect: ['model-workers/li-xiuying/'] },
	{ query: '王建国', kind: 'name', expect: ['model-workers/wang-jianguo/'] },
	{ query: '陈静', kind: 'name', expect: ['model-workers/chen-jing/'] },
	{ query: '孙丽', kind: 'name', expect: ['model-workers/sun-li/'] },
	{ query: '秀英', kind: 'name', expect: ['model-workers/li-xiuying/'] },
	{ query: '晓梅', kind: 'name', expect: ['competitions/2025/helihua-jianyi/'] },
	{ query: '俊杰', kind: 'name', expect: ['competitions/2026/shukong-chegong-biwu/'] },
	// Names that only appear in competition result tables (CSV and YAML rows).
	{ query: '刘俊杰', kind: 'table', expect: ['competitions/2026/shukong-chegong-biwu/'] },
	{ query: '魏强', kind: 'table', expect: ['competitions/2026/shukong-chegong-biwu/'] },
	{ query: '蔡文斌', kind: 'table', expect: ['competitions/2026/shukong-chegong-biwu/'] },
	{ query: '钱晓梅', kind: 'table', expect: ['competitions/2025/helihua-jianyi/'] },
	// Short words, two to four characters.
	{
		query: '安康杯',
		kind: 'word',
		expect: [
			'notices/2026/ankang-bei-qidong/',
			'notices/2025/ankang-bei-tongbao/',
			'competitions/2026/ankang-bei/',
		],
	},
	{
		query: '疗休养',
		kind: 'word',
		expect: ['notices/2026/zhigong-liaoxiuyang/', 'policies/liaoxiuyang-guanli-banfa/'],
	},
	{ query: '金秋助学', kind: 'word', expect: ['notices/2025/jinqiu-zhuxue-gongshi/'] },
	{ query: '夏送清凉', kind: 'word', expect: ['notices/2025/xiasong-qingliang/'] },
	{ query: '运动会', kind: 'word', expect: ['notices/2025/zhigong-yundonghui/'] },
	{ query: '体检', kind: 'word', expect: ['notices/2026/zhuanxiang-tijian/'] },
	{ query: '寒潮', kind: 'word', expect: ['notices/2026/hanchao-tiaozheng-shangxiaban/'] },
	{
		query: '冬送温暖',
		kind: 'word',
		expect: ['notices/2026/dongsong-wennuan/', 'notices/2026/kunnan-bangfu-mingdan/'],
	},
	{ query: '读书日', kind: 'word', expect: ['notices/2026/zhigong-shuwu/'] },
	{ query: '工会法', kind: 'word', expect: ['policies/gonghui-fa/'] },
	{ query: '互助金', kind: 'word', expect: ['policies/huzhu-jin-guanli-banfa/'] },
	{ query: '叉车', kind: 'word', expect: ['notices/2026/zhuanxiang-tijian/'] },
	{ query: '数控车工', kind: 'word', expect: ['competitions/2026/shukong-chegong-biwu/'] },
	{ query: '合理化建议', kind: 'word', expect: ['competitions/2025/helihua-jianyi/'] },
	{ query: '计量检测站', kind: 'word', expect: ['units/metrology/'] },
	{ query: '精密传动', kind: 'word', expect: ['model-workers/chen-jing/'] },
	{ query: '检验师', kind: 'word', expect: ['model-workers/li-xiuying/'] },
	// Phrases.
	{
		query: '困难职工帮扶',
		kind: 'phrase',
		expect: ['notices/2026/kunnan-bangfu-mingdan/', 'notices/2026/chunjie-kunnan-bangfu-gongshi/'],
	},
	{
		query: '会员代表大会代表选举',
		kind: 'phrase',
		expect: ['notices/2025/huiyuan-daibiao-xuanju-jieguo/'],
	},
	{ query: '工资专项集体协商', kind: 'phrase', expect: ['notices/2026/gongzi-xieshang-gonggao/'] },
	{
		query: '工资专项集体合同草案',
		kind: 'phrase',
		expect: ['notices/2026/gongzi-xieshang-caoan-gongshi/'],
	},
	{
		query: '女职工权益保护',
		kind: 'phrase',
		expect: [
			'notices/2026/nvzhigong-quanyi-xuanchuanyue/',
			'policies/nvzhigong-zhuanxiang-hetong/',
		],
	},
	{ query: '调整办公地点', kind: 'phrase', expect: ['notices/2026/fuwuzhan-banqian-gonggao/'] },
	{ query: '扫码出库', kind: 'phrase', expect: ['competitions/2025/helihua-jianyi/'] },
	{ query: '劳模工作室带教', kind: 'phrase', expect: ['notices/2026/chunsong-gangwei/'] },
	{ query: '企业工会工作条例', kind: 'phrase', expect: ['policies/qiye-gonghui-gongzuo-tiaoli/'] },
	{ query: '安康杯 通报', kind: 'phrase', expect: ['notices/2025/ankang-bei-tongbao/'] },
	// Document numbers (文号), whole, partial and with other brackets.
	{
		query: '总工发〔2006〕41号',
		kind: 'docNumber',
		expect: ['policies/qiye-gonghui-gongzuo-tiaoli/'],
	},
	{
		query: '华精工发〔2025〕29号',
		kind: 'docNumber',
		expect: ['notices/2025/ankang-bei-tongbao/'],
	},
	{
		query: '华精工征〔2026〕3号',
		kind: 'docNumber',
		expect: ['policies/liaoxiuyang-guanli-banfa/'],
	},
	{
		query: '华精工女[2024]2号',
		kind: 'docNumber',
		expect: ['policies/nvzhigong-zhuanxiang-hetong/'],
	},
	{ query: '〔2026〕31号', kind: 'docNumber', expect: ['notices/2026/laomo-tuijian-gongshi/'] },
	{
		query: '华精工发（2026）9号',
		kind: 'docNumber',
		expect: ['notices/2026/jingfei-shouzhi-baogao/'],
	},
	// Traditional characters against Simplified content.
	{ query: '勞動模範推薦', kind: 'traditional', expect: ['notices/2026/laomo-tuijian-gongshi/'] },
	{
		query: '療休養',
		kind: 'traditional',
		expect: ['notices/2026/zhigong-liaoxiuyang/', 'policies/liaoxiuyang-guanli-banfa/'],
	},
	{ query: '職工書屋', kind: 'traditional', expect: ['notices/2026/zhigong-shuwu/'] },
	{ query: '王建國', kind: 'traditional', expect: ['model-workers/wang-jianguo/'] },
	{
		query: '總工發〔2006〕41號',
		kind: 'traditional',
		expect: ['policies/qiye-gonghui-gongzuo-tiaoli/'],
	},
	{ query: '互助金管理辦法', kind: 'traditional', expect: ['policies/huzhu-jin-guanli-banfa/'] },
];

/** recall@k of one query: the share of its expected pages among the first k results. */
export function recallAt(
	k: number,
	expected: readonly string[],
	results: readonly string[],
): number {
	const top = new Set(results.slice(0, k));
	return expected.filter((path) => top.has(path)).length / expected.length;
}
