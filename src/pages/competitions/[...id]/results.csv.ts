/** `/competitions/<id>/results.csv`: the ranking as a spreadsheet-friendly CSV (UTF-8 with BOM). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteModel, type Competition } from '../../../data/index.ts';
import { competitionResults } from '../../../data/entries.ts';
import { getViews } from '../../../data/views.ts';
import { resultsCsv } from '../../../lib/results.ts';

export const getStaticPaths = (async () => {
	const { competitions } = await getSiteModel();
	return competitions
		.filter((c) => competitionResults(c).length > 0)
		.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { entry } = props as { entry: Competition };
	const { t } = await getSiteModel();
	const { units } = await getSiteModel();
	const { unitName } = await getViews();
	const rows = competitionResults(entry).map((r) => ({
		...r,
		unitName: units.get(r.unit)?.name ?? unitName(r.unit),
		typeLabel: t(r.type === '团队' ? 'results.team' : 'results.individual'),
	}));
	const csv = resultsCsv(rows, entry.data.metrics, {
		rank: t('results.rank'),
		name: t('results.name'),
		type: t('results.type'),
		unit: t('results.unit'),
		score: t('results.score'),
		award: t('results.award'),
		note: t('results.note'),
		withUnit: (label, unit) => t('results.withUnit', { label, unit }),
		tiedRank: (rank) => t('results.tiedRank', { rank }),
	});
	return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
