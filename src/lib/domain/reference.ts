// Turns the reference JSON (reference/*.json) into the rows of the framework and geography tables.
// Pure: the caller passes the parsed documents.

export interface GcmDocument {
	_meta: { document: string };
	objectives: { number: number; title: string; shortTitle: string; imrfRoundTable: number }[];
	guidingPrinciples: { items: { letter: string; id: string; name: string }[] };
	stakeholderCategories: { items: { id: string; label: string }[] };
}

export interface EscapDocument {
	_meta: { subregions: string[] };
	members: {
		name: string;
		iso2: string;
		status: string;
		associateMember: boolean;
		subregion: string | null;
	}[];
}

export const GCM_FRAMEWORK_ID = 'gcm';

export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export function objectiveId(frameworkId: string, number: number): string {
	return `${frameworkId}-${number}`;
}

/** Capitalizes the para 44 labels for display ("the private sector" → "Private sector"). */
export function categoryDisplayLabel(label: string): string {
	const bare = label.replace(/^the /, '');
	return bare.charAt(0).toUpperCase() + bare.slice(1);
}

export function gcmRows(doc: GcmDocument) {
	const framework = {
		id: GCM_FRAMEWORK_ID,
		name: 'Global Compact for Safe, Orderly and Regular Migration',
		shortName: 'GCM',
		source: doc._meta.document
	};
	const objectives = doc.objectives.map((o) => ({
		id: objectiveId(GCM_FRAMEWORK_ID, o.number),
		frameworkId: GCM_FRAMEWORK_ID,
		number: o.number,
		title: o.title,
		shortTitle: o.shortTitle,
		cluster: o.imrfRoundTable
	}));
	const principles = doc.guidingPrinciples.items.map((p) => ({
		id: `${GCM_FRAMEWORK_ID}-${p.id}`,
		frameworkId: GCM_FRAMEWORK_ID,
		letter: p.letter,
		name: p.name
	}));
	const categories = doc.stakeholderCategories.items.map((c, i) => ({
		id: c.id,
		frameworkId: GCM_FRAMEWORK_ID,
		label: categoryDisplayLabel(c.label),
		position: i + 1
	}));
	return { framework, objectives, principles, categories };
}

export function escapRows(doc: EscapDocument) {
	const subregions = doc._meta.subregions.map((name, i) => ({ id: slugify(name), name, position: i + 1 }));
	const countries = doc.members.map((m) => ({
		code: m.iso2,
		name: m.name,
		subregionId: m.subregion ? slugify(m.subregion) : null,
		isEscapMember: true,
		isAssociateMember: m.associateMember
	}));
	return { subregions, countries };
}
