// Agenda items and background documents, as the organizer enters them. Times are wall-clock times
// on the meeting's date in the consultation's zone.
import { z } from 'zod';
import { zonedToInstant } from './time';
import { UUID_PATTERN, zId, type PersonId } from './ids';

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const clean = (max: number) =>
	z
		.string()
		.optional()
		.transform((v) => (v ?? '').trim())
		.refine((v) => v.length <= max, 'too-long')
		.refine((v) => !/<\/?[a-z!?][^>]*>/i.test(v), 'markup');

export const ZAgendaItemForm = z.object({
	title: clean(300).refine((v) => v.length > 0, 'required'),
	description: clean(2_000),
	startTime: z.string().regex(TIME, 'time-invalid'),
	endTime: z.string().regex(TIME, 'time-invalid'),
	moderatorId: z
		.string()
		.optional()
		.transform((v) => (v ? v : null))
		.refine((v) => v === null || UUID_PATTERN.test(v), 'invalid')
		.transform((v) => v as PersonId | null),
	speakerIds: z.array(zId<PersonId>()).max(20, 'too-many').default([]),
	questions: clean(5_000).transform((v) =>
		v
			.split('\n')
			.map((q) => q.trim())
			.filter(Boolean)
	)
});
export type TAgendaItemForm = z.output<typeof ZAgendaItemForm>;

export interface AgendaItemValues {
	title: string;
	description: string | null;
	startsAt: Date;
	endsAt: Date;
	moderatorId: PersonId | null;
	speakerIds: PersonId[];
	questions: string[];
}

/** Times on the meeting date (in its zone) → instants; they must lie within the meeting. */
export function toAgendaItemValues(form: TAgendaItemForm, meeting: { date: string; timeZone: string; startsAt: Date; endsAt: Date }): { ok: true; values: AgendaItemValues } | { ok: false; errors: Record<string, string> } {
	const startsAt = zonedToInstant(meeting.date, form.startTime, meeting.timeZone);
	const endsAt = zonedToInstant(meeting.date, form.endTime, meeting.timeZone);
	const errors: Record<string, string> = {};
	if (endsAt <= startsAt) errors.endTime = 'end-before-start';
	else if (startsAt < meeting.startsAt || endsAt > meeting.endsAt) errors.startTime = 'outside-meeting';
	if (form.questions.length > 20) errors.questions = 'too-many';
	if (Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		values: { title: form.title, description: form.description || null, startsAt, endsAt, moderatorId: form.moderatorId, speakerIds: [...new Set(form.speakerIds)], questions: form.questions }
	};
}

export const ZDocumentLinkForm = z.object({
	title: clean(300).refine((v) => v.length > 0, 'required'),
	url: z
		.string()
		.trim()
		.max(2_000)
		.refine((v) => /^https?:\/\/\S+$/.test(v), 'link-invalid')
});

// Word, Excel, PDF, OpenDocument and plain text: what secretariats circulate.
export const DOCUMENT_TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	txt: 'text/plain'
};
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export function documentMediaType(fileName: string): string | null {
	const ext = fileName.toLowerCase().split('.').pop() ?? '';
	return DOCUMENT_TYPES[ext] ?? null;
}
