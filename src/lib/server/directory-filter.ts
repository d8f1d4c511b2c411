// Reads the directory filter from a URL's query string (the filter form is a plain GET form).
import { z } from 'zod';
import type { PeopleFilter } from './queries/directory';

const ZPeopleFilter = z.object({
	q: z.string().trim().max(200).optional(),
	category: z.string().regex(/^[a-z-]{1,60}$/).optional(),
	country: z.string().regex(/^[A-Z]{2}$/).optional(),
	subregion: z.string().regex(/^[a-z-]{1,60}$/).optional(),
	gender: z.string().regex(/^[a-z-]{1,30}$/).optional(),
	consultation: z.string().regex(/^[a-z0-9-]{1,100}$/).optional()
});

/** `consultation` is a slug in the URL; the caller resolves it to an id. */
export function parsePeopleFilter(params: URLSearchParams): PeopleFilter & { consultationSlug?: string } {
	const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ''));
	const parsed = ZPeopleFilter.safeParse(raw);
	const f = parsed.success ? parsed.data : {};
	return { q: f.q, categoryId: f.category, countryCode: f.country, subregionId: f.subregion, gender: f.gender, consultationSlug: f.consultation };
}
