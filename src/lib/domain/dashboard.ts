// The process dashboard: across all consultations of a review process, who was there — for each
// stakeholder group, subregion and gender, the network's share, then registered, selected and
// attended, per consultation and overall, against the organizers' targets — and which objectives
// were discussed. It flags the groups that never attended or stayed under-represented, and the
// objectives nobody discussed, so that the secretariat can organize focused conversations.
// Pure: the rows come from the database (queries/dashboard.ts).

import { BALANCE_DIMENSIONS, type BalanceDimension, type BalanceTargets } from './balance';
import { mergeSmallGroups, OTHER_GROUPS } from './statistics';
import type { ConsultationId } from './ids';

export interface PersonFacts {
	category: string | null;
	subregion: string | null;
	gender: string | null;
}

export interface ConsultationFacts {
	id: ConsultationId;
	slug: string;
	title: string;
	targets: BalanceTargets;
	registered: readonly PersonFacts[];
	selected: readonly PersonFacts[];
	attended: readonly PersonFacts[];
}

export type CoverageKind = 'statements' | 'inputs' | 'recommendations';

export interface CoverageItem {
	objectiveId: string;
	consultationId: ConsultationId | null; // null: an input to the process's open call
	kind: CoverageKind;
}

export interface DashboardInput {
	groups: Record<BalanceDimension, readonly { id: string; label: string }[]>;
	network: readonly PersonFacts[];
	consultations: readonly ConsultationFacts[];
	objectives: readonly { id: string; number: number; shortTitle: string }[];
	coverage: readonly CoverageItem[];
}

export interface Cell {
	count: number;
	total: number;
	share: number; // per cent, one decimal; 0 when the total is 0
}

export type GroupFlag = 'never-attended' | 'below-target' | 'under-represented';

export interface ConsultationCell {
	consultationId: ConsultationId;
	registered: Cell;
	selected: Cell;
	attended: Cell;
	target: number | null;
	isBelowTarget: boolean;
}

export interface GroupRow {
	dimension: BalanceDimension;
	value: string;
	label: string;
	network: Cell;
	registered: Cell;
	selected: Cell;
	attended: Cell;
	perConsultation: ConsultationCell[];
	flags: GroupFlag[];
}

export interface CoverageRow {
	objectiveId: string;
	number: number;
	shortTitle: string;
	cells: { column: string | null; statements: number; inputs: number; recommendations: number; total: number }[];
	total: number;
	isNeverDiscussed: boolean;
}

export interface Dashboard {
	consultations: { id: string; slug: string; title: string; attended: number }[];
	groups: Record<BalanceDimension, GroupRow[]>;
	coverage: CoverageRow[];
	hasOpenCall: boolean;
}

const factOf = (dimension: BalanceDimension, p: PersonFacts) => p[dimension];

function cell(rows: readonly PersonFacts[], dimension: BalanceDimension, value: string): Cell {
	const count = rows.filter((p) => factOf(dimension, p) === value).length;
	return { count, total: rows.length, share: rows.length ? Math.round((count * 1000) / rows.length) / 10 : 0 };
}

/** A group is under-represented when its share of attendance is under half its share of the network. */
const UNDER_REPRESENTED_RATIO = 0.5;

export function buildDashboard(input: DashboardInput): Dashboard {
	const held = input.consultations.filter((c) => c.attended.length > 0);
	const all = (pick: (c: ConsultationFacts) => readonly PersonFacts[]) => input.consultations.flatMap((c) => [...pick(c)]);
	const [registered, selected, attended] = [all((c) => c.registered), all((c) => c.selected), all((c) => c.attended)];
	const groups = Object.fromEntries(
		BALANCE_DIMENSIONS.map((dimension) => {
			const rows = input.groups[dimension].map((g): GroupRow => {
				const perConsultation = input.consultations.map((c): ConsultationCell => {
					const target = c.targets[dimension]?.[g.id] ?? null;
					const att = cell(c.attended, dimension, g.id);
					return {
						consultationId: c.id,
						registered: cell(c.registered, dimension, g.id),
						selected: cell(c.selected, dimension, g.id),
						attended: att,
						target,
						isBelowTarget: target !== null && att.total > 0 && (att.count * 100) / att.total < target
					};
				});
				const row: GroupRow = {
					dimension,
					value: g.id,
					label: g.label,
					network: cell(input.network, dimension, g.id),
					registered: cell(registered, dimension, g.id),
					selected: cell(selected, dimension, g.id),
					attended: cell(attended, dimension, g.id),
					perConsultation,
					flags: []
				};
				const isInNetwork = row.network.count > 0 || row.registered.count > 0;
				if (held.length && isInNetwork && row.attended.count === 0) row.flags.push('never-attended');
				if (perConsultation.some((p) => p.isBelowTarget)) row.flags.push('below-target');
				if (row.attended.count > 0 && row.network.count > 0 && row.attended.share < row.network.share * UNDER_REPRESENTED_RATIO) row.flags.push('under-represented');
				return row;
			});
			return [dimension, rows];
		})
	) as Record<BalanceDimension, GroupRow[]>;

	const hasOpenCall = input.coverage.some((c) => c.consultationId === null);
	const columns: (string | null)[] = [...input.consultations.map((c) => c.id), ...(hasOpenCall ? [null] : [])];
	const coverage = input.objectives.map((o): CoverageRow => {
		const mine = input.coverage.filter((c) => c.objectiveId === o.id);
		const cells = columns.map((column) => {
			const here = mine.filter((c) => c.consultationId === column);
			const n = (kind: CoverageKind) => here.filter((c) => c.kind === kind).length;
			return { column, statements: n('statements'), inputs: n('inputs'), recommendations: n('recommendations'), total: here.length };
		});
		return { objectiveId: o.id, number: o.number, shortTitle: o.shortTitle, cells, total: mine.length, isNeverDiscussed: mine.length === 0 };
	});
	return {
		consultations: input.consultations.map((c) => ({ id: c.id, slug: c.slug, title: c.title, attended: c.attended.length })),
		groups,
		coverage,
		hasOpenCall
	};
}

/**
 * The dashboard as CSV rows: one per group and consultation (and "All consultations"). No group
 * under k is named with its count: in each column of each consultation, counts of 1 to k − 1 are
 * left empty and added to an "Other groups" row; when that row would itself hold fewer than k,
 * the smallest named counts join it (secondary suppression), as in the public statistics. A share
 * is left out wherever its count is.
 */
export function dashboardCsvRows(d: Dashboard, k: number): string[][] {
	const header = ['Dimension', 'Group', 'Consultation', 'Network people', 'Network share %', 'Registered', 'Registered share %', 'Selected', 'Selected share %', 'Attended', 'Attended share %', 'Target %', 'Flags'];
	const out: string[][] = [header];
	const otherLabel = `Other groups (fewer than ${k} each, merged)`;
	for (const dimension of BALANCE_DIMENSIONS) {
		const groups = d.groups[dimension];
		if (!groups.length) continue;
		// One block per consultation column: "All consultations" (with the network) and each consultation.
		const blocks: { title: string; cells: (Cell | null)[][] }[] = [
			{ title: 'All consultations', cells: groups.map((g) => [g.network, g.registered, g.selected, g.attended]) },
			...d.consultations.map((c) => ({ title: c.title, cells: groups.map((g) => { const p = g.perConsultation.find((x) => x.consultationId === c.id); return [null, p?.registered ?? null, p?.selected ?? null, p?.attended ?? null]; }) }))
		];
		const shown = blocks.map((b) => b.cells.map((row) => row.map(() => true)));
		const other = blocks.map(() => [0, 0, 0, 0]);
		blocks.forEach((b, bi) => {
			for (let col = 0; col < 4; col++) {
				const column = b.cells.map((row, gi) => ({ value: String(gi), count: row[col]?.count ?? 0 }));
				const merged = mergeSmallGroups(column, k);
				const named = new Set(merged.filter((r) => r.value !== OTHER_GROUPS).map((r) => r.value));
				b.cells.forEach((_, gi) => (shown[bi][gi][col] = named.has(String(gi))));
				other[bi][col] = merged.find((r) => r.value === OTHER_GROUPS)?.count ?? 0;
			}
		});
		const pair = (c: Cell | null, isShown: boolean) => (!c ? ['', ''] : isShown ? [String(c.count), String(c.share)] : ['', '']);
		groups.forEach((g, gi) => {
			const all = blocks[0].cells[gi];
			out.push([dimension, g.label, 'All consultations', ...all.flatMap((c, col) => pair(c, shown[0][gi][col])), '', g.flags.join(' ')]);
			g.perConsultation.forEach((p) => {
				const bi = 1 + d.consultations.findIndex((c) => c.id === p.consultationId);
				if (bi < 1) return;
				const cells = blocks[bi].cells[gi];
				out.push([dimension, g.label, blocks[bi].title, '', '', ...cells.slice(1).flatMap((c, col) => pair(c, shown[bi][gi][col + 1])), p.target === null ? '' : String(p.target), p.isBelowTarget ? 'below-target' : '']);
			});
		});
		blocks.forEach((b, bi) => {
			if (other[bi].every((n) => n === 0)) return;
			const totals = b.cells.find((row) => row.some(Boolean)) ?? [];
			const cell = (col: number) => {
				const total = totals[col]?.total ?? 0;
				return !totals[col] ? ['', ''] : [String(other[bi][col]), total ? String(Math.round((other[bi][col] / total) * 1000) / 10) : '0'];
			};
			out.push([dimension, otherLabel, b.title, ...(bi === 0 ? cell(0) : ['', '']), ...cell(1), ...cell(2), ...cell(3), '', '']);
		});
	}
	return out;
}
