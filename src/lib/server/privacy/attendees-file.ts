// The attendees CSV of `convene privacy check`: columns name, email, organization, country,
// category, gender, attribution (on-record or non-attributable), matched by name in any order and
// case. Every row with a problem is reported; nothing is checked against a half-read list.

import gcm from '../../../../reference/gcm.json';
import escap from '../../../../reference/escap.json';
import { readCsv } from '../imports/read-table';
import type { PrivacyAttendee } from '../../domain/privacy/check';
import { categoryId, countryCode, genderCode } from '../../domain/privacy/attendee-values';
import { slugify } from '../../domain/reference';

export class AttendeesFileError extends Error {
	constructor(public readonly problems: string[]) {
		super(problems.join('\n'));
	}
}

const COLUMNS = ['name', 'email', 'organization', 'country', 'category', 'gender', 'attribution'] as const;
const categoryLabels = Object.fromEntries(gcm.stakeholderCategories.items.map((c) => [c.id, c.label]));
const subregionOf = new Map(escap.members.map((m) => [m.iso2, m.subregion ? slugify(m.subregion) : null]));

export async function readAttendeesCsv(text: string): Promise<PrivacyAttendee[]> {
	const rows = (await readCsv(text)).filter((r) => r.some((c) => c.trim()));
	if (!rows.length) throw new AttendeesFileError(['The attendees file is empty.']);
	const header = rows[0].map((h) => h.trim().toLowerCase());
	const at = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
	const missing = (['name', 'attribution'] as const).filter((c) => at[c] < 0);
	if (missing.length) throw new AttendeesFileError([`The attendees file has no ${missing.map((c) => `"${c}"`).join(' or ')} column (columns: ${COLUMNS.join(', ')}).`]);
	const problems: string[] = [];
	const attendees: PrivacyAttendee[] = [];
	rows.slice(1).forEach((row, i) => {
		const line = i + 2;
		const cell = (c: (typeof COLUMNS)[number]) => (at[c] >= 0 ? (row[at[c]] ?? '').trim() : '');
		const name = cell('name');
		const attribution = cell('attribution').toLowerCase().replace(/\s+/g, '-');
		if (!name) problems.push(`Row ${line}: the name is empty.`);
		if (attribution !== 'on-record' && attribution !== 'non-attributable') problems.push(`Row ${line}: attribution must be "on-record" or "non-attributable", not "${cell('attribution')}".`);
		const country = cell('country') ? countryCode(cell('country')) : null;
		if (cell('country') && !country) problems.push(`Row ${line}: unknown country "${cell('country')}" (give an ISO code such as NP, or a name).`);
		const category = cell('category') ? categoryId(cell('category'), categoryLabels) : null;
		if (cell('category') && !category) problems.push(`Row ${line}: unknown stakeholder category "${cell('category')}".`);
		const gender = cell('gender') ? genderCode(cell('gender')) : null;
		if (cell('gender') && !gender) problems.push(`Row ${line}: unknown gender "${cell('gender')}" (woman, man, non-binary, self-described, prefer-not-to-say).`);
		attendees.push({
			name,
			email: cell('email') || null,
			organization: cell('organization') || null,
			country,
			subregion: country ? (subregionOf.get(country) ?? null) : null,
			category,
			gender,
			attribution: attribution as PrivacyAttendee['attribution']
		});
	});
	if (problems.length) throw new AttendeesFileError(problems);
	return attendees;
}
