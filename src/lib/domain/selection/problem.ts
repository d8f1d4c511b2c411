// The selection problem: a pool of people described by features (one value per category, e.g.
// gender = woman, subregion = pacific), quotas (least and most seats per feature value), a panel
// size, and optionally groups (organizations) of which at most one member may sit on a panel.
//
// People with the same quota-relevant features are interchangeable, and so are whole groups with
// the same make-up. The solver works on these classes, not on people: the 2,000-person example of
// Flanigan et al. has four classes. A class is (group signature, feature vector); its size is the
// number of people in it.

export interface Person {
	features: Readonly<Record<string, string>>;
	group?: string | null; // '' or null: a group of one
}

export interface Quota {
	category: string;
	feature: string;
	min: number;
	max: number;
}

export interface SelectionProblem {
	people: readonly Person[];
	quotas: readonly Quota[];
	panelSize: number;
}

export interface PersonClass {
	index: number;
	signature: number;
	features: Record<string, string>; // the quota-relevant features
	size: number; // number of people in the class
	/** Per group of the signature (in order), the people of this class in that group, in pool order. */
	members: number[][];
}

export interface Signature {
	index: number;
	/** Each group's people, in pool order; groups in order of first appearance. */
	groups: number[][];
	classes: number[];
}

export interface Classes {
	classes: PersonClass[];
	signatures: Signature[];
	/** Quota i covers these classes. */
	quotaClasses: number[][];
}

const featureKeyOf = (person: Person, categories: readonly string[]) => JSON.stringify(categories.map((c) => person.features[c] ?? ''));

/** Groups the pool into interchangeable classes. Deterministic: everything follows pool order. */
export function buildClasses(problem: SelectionProblem): Classes {
	const categories = [...new Set(problem.quotas.map((q) => q.category))].sort();
	const keys = problem.people.map((p) => featureKeyOf(p, categories));

	// Groups: people sharing a non-empty group value; everyone else is a group of one.
	const groupsByName = new Map<string, number[]>();
	const groups: number[][] = [];
	problem.people.forEach((p, i) => {
		const name = p.group?.trim();
		if (!name) return void groups.push([i]);
		let g = groupsByName.get(name);
		if (!g) {
			g = [];
			groupsByName.set(name, g);
			groups.push(g);
		}
		g.push(i);
	});

	// Signature of a group: the sorted multiset of its members' feature keys.
	const signatureByKey = new Map<string, Signature>();
	const signatures: Signature[] = [];
	for (const g of groups) {
		const key = JSON.stringify(g.map((i) => keys[i]).sort());
		let s = signatureByKey.get(key);
		if (!s) {
			s = { index: signatures.length, groups: [], classes: [] };
			signatureByKey.set(key, s);
			signatures.push(s);
		}
		s.groups.push(g);
	}

	const classes: PersonClass[] = [];
	for (const s of signatures) {
		const featureKeys = [...new Set(s.groups[0].map((i) => keys[i]))].sort();
		for (const fk of featureKeys) {
			const members = s.groups.map((g) => g.filter((i) => keys[i] === fk));
			const sample = problem.people[members[0][0]];
			const features = Object.fromEntries(categories.map((c) => [c, sample.features[c] ?? '']));
			const c: PersonClass = { index: classes.length, signature: s.index, features, size: members.reduce((n, m) => n + m.length, 0), members };
			classes.push(c);
			s.classes.push(c.index);
		}
	}
	const quotaClasses = problem.quotas.map((q) => classes.filter((c) => c.features[q.category] === q.feature).map((c) => c.index));
	return { classes, signatures, quotaClasses };
}

/** Does a set of people (pool indexes) satisfy every quota, the size and the group rule? */
export function panelProblems(problem: SelectionProblem, members: readonly number[]): string[] {
	const problems: string[] = [];
	if (members.length !== problem.panelSize) problems.push(`panel has ${members.length} people, not ${problem.panelSize}`);
	if (new Set(members).size !== members.length) problems.push('a person appears twice');
	const groups = members.map((i) => problem.people[i].group?.trim()).filter((g): g is string => Boolean(g));
	if (new Set(groups).size !== groups.length) problems.push('two people from one group');
	for (const q of problem.quotas) {
		const n = members.filter((i) => problem.people[i].features[q.category] === q.feature).length;
		if (n < q.min || n > q.max) problems.push(`${q.category}=${q.feature}: ${n} seats, quota ${q.min}–${q.max}`);
	}
	return problems;
}
