// Benchmark: LEXIMIN selection time per instance on this machine (npx tsx bench/selection.ts).
// The replication examples of Flanigan et al. and the sortition-algorithms fixture are read from
// ../shared/sortition when that folder exists (they are not part of the project); a 1,000-person
// instance with 4 dimensions and organization groups is generated here, from a fixed seed.
import fs from 'node:fs';
import path from 'node:path';
import { readSortitionFiles } from '../src/lib/server/selection/sortition-files';
import { describeDiagnosis, loadSolver } from '../src/lib/server/selection/run';
import { diagnose } from '../src/lib/domain/selection/infeasibility';
import { InfeasibleQuotas, leximin } from '../src/lib/domain/selection/leximin';
import { peoplePanels } from '../src/lib/domain/selection/realize';
import { panelProblems, type Person, type Quota, type SelectionProblem } from '../src/lib/domain/selection/problem';
import { seededRandom } from '../src/lib/domain/selection/random';

const SHARED = path.resolve(import.meta.dirname, '../../shared/sortition');
/** BENCH_STAGES=1: stage by stage, without the relaxation's shortcut (to compare the two). */
const isRelaxationTried = !process.env.BENCH_STAGES;
/** BENCH_ONLY=name,name: only those instances (the names printed in the first column, as for sf_a_35 or sf_e_shaped). */
const only = (name: string) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(name);
const solver = await loadSolver();

function measure(name: string, problem: SelectionProblem, reference?: string, timeLimitSeconds = 300) {
	const started = performance.now();
	let result;
	try {
		result = leximin(solver, problem, undefined, { timeLimitSeconds, isRelaxationTried });
	} catch (error) {
		console.log(`${name.padEnd(28)} n=${String(problem.people.length).padStart(5)} k=${String(problem.panelSize).padStart(3)}  ${(error as Error).message}`);
		if (error instanceof InfeasibleQuotas) for (const line of describeDiagnosis(diagnose(solver, problem))) console.log(`    ${line.replaceAll('\n', '\n    ')}`);
		return;
	}
	const seconds = (performance.now() - started) / 1000;
	const panels = peoplePanels(result.classes, result.panels);
	const broken = panels.filter((p) => panelProblems(problem, p.members).length > 0).length;
	const sum = result.probabilities.reduce((a, b) => a + b, 0);
	console.log(
		`${name.padEnd(28)} n=${String(problem.people.length).padStart(5)} k=${String(problem.panelSize).padStart(3)}  classes=${String(result.classes.classes.length).padStart(4)}  ` +
			`min=${(result.minProbability * 100).toFixed(4)} %${reference ? ` (reference ${reference})` : ''}  Σp=${sum.toFixed(9)}  panels=${panels.length} (${broken} breaking a quota)  ` +
			`${result.method}: stages=${result.stages} searches=${result.panelSearches}  time=${seconds.toFixed(2)} s`
	);
}

const PAPER: Record<string, string> = { example_small_20: '10.0 % in 2.7 s', example_large_200: '10.0 % in 1,161.8 s' };
for (const name of ['example_small_20', 'example_large_200'].filter(only)) {
	const dir = path.join(SHARED, name);
	if (!fs.existsSync(dir)) {
		console.log(`${name}: not found at ${dir}, skipped`);
		continue;
	}
	const { problem } = readSortitionFiles(fs.readFileSync(path.join(dir, 'categories.csv'), 'utf8'), fs.readFileSync(path.join(dir, 'respondents.csv'), 'utf8'), Number(name.split('_').at(-1)));
	measure(name, problem, `paper: ${PAPER[name]} with Gurobi`);
}

const fixture = path.join(SHARED, 'sortition_algorithms_fixture');
if (fs.existsSync(fixture) && only('sortition-algorithms')) {
	// features.csv has feature,value,min,max,…; households share an address (one per household).
	const features = fs.readFileSync(path.join(fixture, 'features.csv'), 'utf8').replace(/^feature,value,min,max/, 'category,feature,min,max');
	const { problem } = readSortitionFiles(features, fs.readFileSync(path.join(fixture, 'candidates.csv'), 'utf8'), 22, 'primary_address1');
	measure('sortition-algorithms (22)', problem, 'maximin 9.09 %');
}

// 1,000 people, 4 dimensions, organizations of 1 to 3 members (at most one per organization).
// "coarse": values like a consultation's registration form (2 genders and a few non-binary, 5
// subregions, 6 stakeholder groups, first-time participant or not); "fine": 8 groups and 4 age
// bands, which leaves ~700 classes of interchangeable people — the hard case for this method.
function synthetic(n: number, seed: string, isFine: boolean): SelectionProblem {
	const random = seededRandom(seed);
	const pick = <T>(xs: readonly T[], weights?: readonly number[]) => {
		if (!weights) return xs[Math.floor(random() * xs.length)];
		let r = random() * weights.reduce((a, b) => a + b, 0);
		for (let i = 0; i < xs.length; i++) if ((r -= weights[i]) < 0) return xs[i];
		return xs[xs.length - 1];
	};
	const dims = {
		gender: ['woman', 'man', 'non-binary'],
		subregion: ['east', 'south-east', 'south', 'north-central', 'pacific'],
		category: isFine ? ['migrants', 'civil-society', 'trade-unions', 'private-sector', 'academia', 'local-authorities', 'parliamentarians', 'nhri'] : ['migrants', 'civil-society', 'trade-unions', 'local-authorities', 'academia', 'parliamentarians'],
		fourth: isFine ? ['18-29', '30-44', '45-59', '60+'] : ['first-time', 'returning']
	};
	const categoryWeights = isFine ? [30, 25, 10, 8, 8, 8, 3, 3] : [30, 30, 15, 10, 10, 5];
	const people: Person[] = [];
	for (let org = 0; people.length < n; org++) {
		const size = pick([1, 2, 3], [0.6, 0.3, 0.1]);
		const category = pick(dims.category, categoryWeights);
		const subregion = pick(dims.subregion, [20, 30, 25, 10, 15]);
		for (let i = 0; i < size && people.length < n; i++) people.push({ group: `org${org}`, features: { gender: pick(dims.gender, [50, 47, 3]), subregion, category, fourth: pick(dims.fourth) } });
	}
	const quotas: Quota[] = [
		{ category: 'gender', feature: 'woman', min: 27, max: 33 },
		{ category: 'gender', feature: 'man', min: 27, max: 33 },
		{ category: 'gender', feature: 'non-binary', min: 1, max: 3 },
		...dims.subregion.map((feature) => ({ category: 'subregion', feature, min: 8, max: 16 })),
		...dims.category.map((feature) => ({ category: 'category', feature, min: 3, max: 20 })),
		...dims.fourth.map((feature) => ({ category: 'fourth', feature, min: isFine ? 10 : 20, max: isFine ? 20 : 40 }))
	];
	return { people, quotas, panelSize: 60 };
}
if (only('1000-coarse')) measure('1,000 coarse (4 dims, orgs)', synthetic(1000, 'bench-1000', false));
if (only('1000-fine')) measure('1,000 fine (4 dims, orgs)', synthetic(1000, 'bench-1000', true), undefined, 120);

// Pools with the sizes of the ten instances of Flanigan et al. (2021), generated here (the real pools
// are not public): the number of quota dimensions of each, 2 to 8 values per dimension, quotas
// drawn the way assemblies draw them — proportional to a population the pool does not match (people
// volunteer unevenly, by a factor of ½ to 2 per value, less when half the pool sits), within 1 or 2 seats (a third of the
// dimensions tight, ±1). Printed beside the paper's published minimum probability and median time
// with Gurobi for that size (reference_output/*_statistics.txt of the replication package, copied
// here). The same size, not the same data: the figures compare orders of magnitude.
const PAPER_TABLE = [
	{ name: 'sf_a_35', n: 312, k: 35, dims: 6, min: '6.7 %', seconds: 19.6 },
	{ name: 'sf_b_20', n: 250, k: 20, dims: 6, min: '4.0 %', seconds: 8.8 },
	{ name: 'sf_c_44', n: 161, k: 44, dims: 7, min: '8.6 %', seconds: 6.0 },
	{ name: 'sf_d_40', n: 404, k: 40, dims: 6, min: '4.7 %', seconds: 46.2 },
	{ name: 'sf_e_110', n: 1727, k: 110, dims: 7, min: '2.6 %', seconds: 4011.6 },
	{ name: 'cca_75', n: 825, k: 75, dims: 4, min: '2.4 %', seconds: 433.5 },
	{ name: 'hd_30', n: 239, k: 30, dims: 7, min: '5.1 %', seconds: 37.2 },
	{ name: 'mass_24', n: 70, k: 24, dims: 5, min: '20.0 %', seconds: 0.5 },
	{ name: 'nexus_170', n: 342, k: 170, dims: 5, min: '32.5 %', seconds: 83.4 },
	{ name: 'obf_30', n: 321, k: 30, dims: 8, min: '4.7 %', seconds: 183.9 }
];

function assemblyPool(n: number, k: number, dimensions: number, seed: string): SelectionProblem {
	const random = seededRandom(seed);
	const dims = Array.from({ length: dimensions }, (_, d) => {
		const count = 2 + Math.floor(random() * 7); // 2 to 8 values
		const population = Array.from({ length: count }, () => 0.3 + random());
		// ½ to 2; ⅘ to 5/4 when half the pool sits (a pool that skewed could not fill such a panel).
		const bias = population.map(() => (k / n > 0.3 ? 0.8 * 1.5625 ** random() : 0.5 * 4 ** random()));
		return { name: `dim${d}`, values: Array.from({ length: count }, (_, v) => `v${v}`), population, pool: population.map((p, v) => p * bias[v]), isTight: d % 3 === 0 };
	});
	const pick = (weights: readonly number[]) => {
		let r = random() * weights.reduce((a, b) => a + b, 0);
		for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
		return weights.length - 1;
	};
	const people: Person[] = Array.from({ length: n }, () => ({ features: Object.fromEntries(dims.map((d) => [d.name, d.values[pick(d.pool)]])) }));
	const quotas: Quota[] = dims.flatMap((d) => {
		const total = d.population.reduce((a, b) => a + b, 0);
		const rows = d.values.map((feature, v) => {
			const share = (d.population[v] / total) * k;
			const slack = d.isTight ? 1 : 2;
			const inPool = people.filter((p) => p.features[d.name] === feature).length;
			return { category: d.name, feature, min: Math.min(inPool, Math.max(0, Math.floor(share) - slack)), max: Math.min(k, Math.ceil(share) + slack), inPool };
		});
		// As organizers do when too few of some values volunteered: the maximums of the values the pool
		// has plenty of are raised until the dimension can fill the panel.
		for (;;) {
			const fillable = rows.reduce((sum, r) => sum + Math.min(r.inPool, r.max), 0);
			if (fillable >= k) break;
			const spare = rows.filter((r) => r.inPool > r.max && r.max < k).sort((a, b) => b.inPool - b.max - (a.inPool - a.max))[0];
			if (!spare) break;
			spare.max++;
		}
		return rows.map(({ inPool: _, ...quota }) => quota);
	});
	return { people, quotas, panelSize: k };
}

const limit = Number(process.env.BENCH_LIMIT ?? 120);
console.log(`\nThe ten instances of Flanigan et al. (2021), generated pools of the same sizes (time limit ${limit} s each; BENCH_LIMIT to change):`);
for (const row of PAPER_TABLE.filter((r) => only(r.name))) measure(`${row.name} (${row.dims} dims)`, assemblyPool(row.n, row.k, row.dims, row.name), `paper: ${row.min} in ${row.seconds.toLocaleString('en')} s with Gurobi`, limit);

// The pool of issue 19's target: shaped like sf_e_110 — 1,727 people, a panel of 110, 7 dimensions
// with 36 values, quotas within ±1 seat of proportional to the pool itself, no organizations. Almost
// every class is one person. LEXIMIN's minimum here is k/n.
function sfEShaped(seed = 'sf_e'): SelectionProblem {
	const random = seededRandom(seed);
	const sizes = [2, 4, 5, 5, 6, 6, 8];
	const dims = sizes.map((m, d) => ({ name: `d${d}`, values: Array.from({ length: m }, (_, v) => `v${v}`), weights: Array.from({ length: m }, (_, v) => 1 + ((v * 7 + d * 3) % 5)) }));
	const pick = (values: string[], weights: number[]) => {
		let r = random() * weights.reduce((a, b) => a + b, 0);
		for (let i = 0; i < values.length; i++) if ((r -= weights[i]) < 0) return values[i];
		return values[values.length - 1];
	};
	const people: Person[] = Array.from({ length: 1727 }, () => ({ features: Object.fromEntries(dims.map((d) => [d.name, pick(d.values, d.weights)])) }));
	const quotas: Quota[] = dims.flatMap((d) =>
		d.values.map((v) => {
			const share = (people.filter((p) => p.features[d.name] === v).length / people.length) * 110;
			return { category: d.name, feature: v, min: Math.max(0, Math.floor(share) - 1), max: Math.ceil(share) + 1 };
		})
	);
	return { people, quotas, panelSize: 110 };
}
if (only('sf_e_shaped')) measure('sf_e-shaped (7 dims, 36 values)', sfEShaped(), `k/n = ${((110 / 1727) * 100).toFixed(4)} %`, limit);
