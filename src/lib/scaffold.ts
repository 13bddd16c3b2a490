/**
 * `npm run new`: a valid entry to start from. Every required field is filled
 * with something that passes the check and a comment says what to write.
 */
import { pinyin } from 'pinyin-pro';

export const KINDS = ['notice', 'model-worker', 'competition', 'policy', 'unit'] as const;
export type ScaffoldKind = (typeof KINDS)[number];

/** A pinyin id from a Chinese title, cut at a syllable near `maxLength`: 关于开展安康杯竞赛的通知 → guan-yu-kai-zhan-an-kang-bei-jing-sai. */
export function pinyinId(title: string, maxLength = 40): string {
	const words = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
		.map((w) =>
			w
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-+|-+$/g, ''),
		)
		.filter(Boolean);
	let id = '';
	for (const word of words) {
		if (id && id.length + word.length + 1 > maxLength) break;
		id = id ? `${id}-${word}` : word;
	}
	return id.replace(/-+/g, '-') || 'entry';
}

/** The folder of a kind inside the content folder. */
export function collectionOf(kind: ScaffoldKind): string {
	return {
		notice: 'notices',
		'model-worker': 'model-workers',
		competition: 'competitions',
		policy: 'policies',
		unit: 'units',
	}[kind];
}

/** Quotes a value for YAML when it needs it. */
function q(value: string): string {
	return /^[\p{L}\p{N}〔〕（）()、，。·\- ]+$/u.test(value) && !/^\d/.test(value)
		? value
		: JSON.stringify(value);
}

export interface ScaffoldInput {
	kind: ScaffoldKind;
	title: string;
	/** Today in the site time zone (`YYYY-MM-DD`). */
	today: string;
	/** A unit id to start with (the root unit). */
	unit: string;
	/** Some unit ids to name in the comment. */
	unitIds: string[];
}

/** The text of a new entry file. */
export function scaffold({ kind, title, today, unit, unitIds }: ScaffoldInput): string {
	const units = unitIds.slice(0, 12).join('、');
	switch (kind) {
		case 'notice':
			return `---
title: ${q(title)} # 标题
category: 通知 # 类别：公示、通知、公告、决议、通报、报告、其他 之一
unit: ${unit} # 发布单位编号（units/ 目录下的文件名），如：${units}
date: ${today} # 发布日期；写将来的日期则到当天才发布
# 类别为「公示」时必须写公示期（删去下面各行开头的 #）：
# publicity:
#   start: ${today} # 公示开始日期
#   workingDays: 5 # 公示几个工作日（节假日自动顺延）；或改写 end: 结束日期
#   contact: 工会办公室 电话 0000-00000000 # 异议反馈方式
# docNumber: 工发〔${today.slice(0, 4)}〕1号 # 文号（可选）
# summary: 一两句话的摘要（可选，不写则取正文开头）
# attachments: # 附件（可选），文件放在本文件旁边
#   - title: 附件名称
#     file: fujian.pdf
---

在这里写正文。可以用 ## 小标题、- 列表、**加粗** 等 Markdown 格式。

请勿填写身份证号、手机号、银行卡号；确需出现时写成 430102********1234、138****5678 这样的遮盖形式。
`;
		case 'model-worker':
			return `---
name: ${q(title)} # 姓名
unit: ${unit} # 所在单位编号，如：${units}
position: 岗位或职务 # 可选
# photo: photo.jpg # 照片（可选），放在本文件旁边；发布时自动压缩并去除拍摄信息
honours: # 荣誉，至少一项；level 为 全国、省部级、市级、集团、公司、其他 之一
  - title: 荣誉名称
    level: 公司
    year: ${today.slice(0, 4)}
featured: false # true：在首页和公示屏重点展示
---

在这里写先进事迹。只写工作事迹，不写身份证号、电话、出生日期和家庭住址。
`;
		case 'competition':
			return `---
title: ${q(title)} # 竞赛名称
kind: 劳动竞赛 # 劳动竞赛、技能竞赛、安康杯、合理化建议、技术创新、其他 之一
organizer: ${unit} # 主办单位编号，如：${units}
period:
  start: ${today} # 开始日期
  # end: ${today} # 结束日期（可选）
order: desc # desc：分数高者名次靠前；asc：分数低者（如用时）靠前
# results: # 成绩（可选）；名次 rank 可不写，按分数自动计算，并列同名次
#   - name: 姓名或团队名
#     type: 个人 # 个人 或 团队
#     unit: ${unit}
#     score: 95.5
#     award: 一等奖
# resultsFile: results.csv # 或者把成绩放在同目录的 CSV 文件里（表头 name,type,unit,score,award）
---

在这里写竞赛说明：目的、内容、评比办法。
`;
		case 'policy':
			return `---
title: ${q(title)} # 文件名称
category: 规章制度 # 集体合同、专项集体合同、规章制度、上级文件、法律法规、其他 之一
unit: ${unit} # 内部文件写发布单位编号；上级文件改写 issuer: 发布机关名称
issued: ${today} # 发布/成文日期
# effective: ${today} # 施行日期（可选）
# docNumber: 工发〔${today.slice(0, 4)}〕1号 # 文号（可选）
status: 现行有效 # 现行有效、已修订、已废止、征求意见 之一
# supersedes: [] # 本文件替代的旧文件编号（可选）
---

在这里写文件正文或摘要。
`;
		case 'unit':
			return `name: ${q(title)} # 单位全称
parent: ${unit} # 上级单位编号，如：${units}
kind: 分工会 # 公司工会、分工会、部门工会、工会小组、班组 等
order: 10 # 同级单位中的排序，数字小者在前
# members: 0 # 会员人数（可选）
# contact: # 联系方式（可选，会公开）
#   person: 联系人
#   phone: 0000-00000000
`;
	}
}
