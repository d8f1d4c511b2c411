// Objective tags suggested from a statement's text: the words of each GCM objective's title and
// short title, plus keywords people use for it in consultations ("recruitment fees", "remittances",
// "portability"). A suggestion is a hint for the rapporteur, never a tag set without them.

export interface TaggableObjective {
	id: string;
	number: number;
	title: string;
	shortTitle: string;
}

/** Extra keywords by objective number (English, matched on word stems). */
export const OBJECTIVE_KEYWORDS: Record<number, readonly string[]> = {
	1: ['data', 'statistics', 'disaggregated', 'evidence', 'census', 'survey'],
	2: ['climate', 'disaster', 'poverty', 'drivers', 'displacement', 'conflict'],
	3: ['information', 'pre-departure', 'orientation', 'awareness', 'hotline'],
	4: ['identity', 'documents', 'documentation', 'passport', 'birth registration', 'statelessness'],
	5: ['regular pathways', 'visa', 'family reunification', 'labour mobility', 'pathways', 'regularization'],
	6: ['recruitment', 'recruitment fees', 'decent work', 'wages', 'labour rights', 'domestic workers', 'employer', 'contract'],
	7: ['vulnerability', 'vulnerabilities', 'vulnerable', 'gender-responsive', 'child-sensitive', 'women migrant', 'children'],
	8: ['missing migrants', 'search and rescue', 'deaths', 'save lives'],
	9: ['smuggling', 'smugglers'],
	10: ['trafficking', 'traffickers', 'forced labour', 'exploitation'],
	11: ['border', 'borders', 'border governance', 'border management'],
	12: ['screening', 'referral', 'procedures', 'assessment'],
	13: ['detention', 'alternatives to detention', 'immigration detention'],
	14: ['consular', 'embassy', 'embassies', 'consulate'],
	15: ['basic services', 'health', 'health care', 'education', 'housing', 'schools'],
	16: ['inclusion', 'social cohesion', 'integration', 'language classes'],
	17: ['discrimination', 'xenophobia', 'hate speech', 'racism', 'media', 'public discourse', 'narratives'],
	18: ['skills', 'qualifications', 'recognition of skills', 'training', 'upskilling'],
	19: ['diaspora', 'diasporas', 'development', 'investment'],
	20: ['remittances', 'remittance', 'financial inclusion', 'transfer costs', 'bank accounts'],
	21: ['return', 'returnees', 'reintegration', 'readmission', 'deportation'],
	22: ['social protection', 'social security', 'portability', 'pensions', 'benefits'],
	23: ['cooperation', 'partnerships', 'bilateral', 'regional consultative', 'agreements', 'memoranda']
};

const STOP = new Set([
	'and', 'the', 'of', 'in', 'for', 'to', 'all', 'as', 'a', 'an', 'at', 'on', 'that', 'their', 'with', 'well', 'only', 'use', 'work', 'towards',
	'measure', 'last', 'resort', 'ensure', 'provide', 'enhance', 'strengthen', 'promote', 'establish', 'facilitate', 'create', 'invest', 'address',
	'reduce', 'eliminate', 'cooperate', 'manage', 'save', 'collect', 'utilize', 'empower', 'prevent', 'combat', 'eradicate', 'minimize', 'migrants',
	'migration', 'migrant', 'countries', 'country', 'international', 'forms', 'basis', 'stages', 'conditions', 'full', 'fully', 'appropriate', 'context', 'persons', 'people'
]);

/** A crude English stem: lower case, without diacritics, without common endings. */
export function stem(word: string): string {
	const w = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
	return w.replace(/(ations|ation|ments|ment|ings|ing|ies|ied|es|ed|s)$/u, '') || w;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];

function phrases(o: TaggableObjective): string[][] {
	const fromTitle = [...words(o.title), ...words(o.shortTitle)].filter((w) => !STOP.has(w) && w.length > 2).map((w) => [stem(w)]);
	const keywords = (OBJECTIVE_KEYWORDS[o.number] ?? []).map((k) => words(k).map(stem));
	return [...fromTitle, ...keywords];
}

export interface TagSuggestion {
	objectiveId: string;
	number: number;
	score: number;
	matched: string[];
}

/** Objectives whose words the text uses, best first; a keyword phrase counts double. */
export function suggestObjectives(text: string, objectives: readonly TaggableObjective[], limit = 5): TagSuggestion[] {
	const tokens = words(text).map(stem);
	if (!tokens.length) return [];
	const has = (phrase: string[]) => tokens.some((_, i) => phrase.every((p, j) => tokens[i + j] === p));
	const suggestions: TagSuggestion[] = [];
	for (const o of objectives) {
		const matched = new Set<string>();
		let score = 0;
		for (const phrase of phrases(o)) {
			const key = phrase.join(' ');
			if (matched.has(key) || !has(phrase)) continue;
			matched.add(key);
			score += phrase.length > 1 ? 2 : 1;
		}
		if (score > 0) suggestions.push({ objectiveId: o.id, number: o.number, score, matched: [...matched] });
	}
	return suggestions.sort((a, b) => b.score - a.score || a.number - b.number).slice(0, limit);
}
