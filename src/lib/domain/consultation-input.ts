// The consultation editor's input: the concept note. Wall-clock times are entered in the
// consultation's own zone and turned into instants here ("24:00" closes at the end of that day).
import { z } from 'zod';
import { CONSULTATION_FORMATS, CONSULTATION_STATUSES } from './enums';
import { isValidTimeZone, zonedToInstant } from './time';
import { zId, type OrganizationId } from './ids';

const text = (max: number) =>
	z
		.string()
		.optional()
		.transform((v) => (v ?? '').trim())
		.refine((v) => v.length <= max, 'too-long')
		.refine((v) => !/<\/?[a-z!?][^>]*>/i.test(v), 'markup');
const optionalInt = z
	.string()
	.optional()
	.transform((v) => (v ?? '').trim())
	.refine((v) => v === '' || (/^\d{1,6}$/.test(v) && Number(v) > 0), 'positive-number')
	.transform((v) => (v === '' ? null : Number(v)));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const ZConsultationForm = z.object({
	title: text(300).refine((v) => v.length > 0, 'required'),
	slug: z
		.string()
		.optional()
		.transform((v) => (v ?? '').trim().toLowerCase())
		.refine((v) => /^[a-z0-9](?:[a-z0-9-]{1,98}[a-z0-9])$/.test(v), 'slug-invalid'),
	theme: text(500),
	background: text(20_000),
	timeZone: z
		.string()
		.optional()
		.transform((v) => (v ?? '').trim())
		.refine((v) => isValidTimeZone(v), 'zone-invalid'),
	date: z.string().regex(DATE, 'date-invalid'),
	startTime: z.string().regex(TIME, 'time-invalid'),
	endTime: z.string().regex(TIME, 'time-invalid'),
	format: z.enum(CONSULTATION_FORMATS, { error: 'invalid' }),
	meetingLink: text(500).refine((v) => v === '' || /^https:\/\/\S+$/.test(v), 'link-invalid'),
	venue: text(300),
	objectives: z.array(z.string().regex(/^\d{1,2}$/, 'invalid')).max(30).default([]),
	leadAgencyIds: z.array(zId<OrganizationId>()).max(20).default([]),
	coDesignerIds: z.array(zId<OrganizationId>()).max(50).default([]),
	reviewObjectives: text(5_000),
	participationRules: text(5_000),
	expectedOutcomes: text(5_000),
	capacity: optionalInt,
	registrationLimit: optionalInt,
	registrationOpensDate: z.string().optional().transform((v) => v ?? '').refine((v) => v === '' || DATE.test(v), 'date-invalid'),
	registrationClosesDate: z.string().optional().transform((v) => v ?? '').refine((v) => v === '' || DATE.test(v), 'date-invalid'),
	registrationClosesTime: z.string().optional().transform((v) => v || '24:00').refine((v) => TIME.test(v), 'time-invalid'),
	isOnePerOrganization: z.boolean(),
	isChathamHouse: z.boolean(),
	// The smallest number of people a description of a speaker may fit (privacy core); 3 by default.
	anonymityThreshold: z
		.string()
		.optional()
		.transform((v) => (v ?? '').trim() || '3')
		.refine((v) => /^\d{1,2}$/.test(v) && Number(v) >= 2 && Number(v) <= 50, 'anonymity-threshold')
		.transform(Number),
	status: z.enum(CONSULTATION_STATUSES, { error: 'invalid' })
});
export type TConsultationForm = z.output<typeof ZConsultationForm>;

export interface ConsultationValues {
	title: string;
	slug: string;
	theme: string | null;
	background: string | null;
	timeZone: string;
	startsAt: Date;
	endsAt: Date;
	format: TConsultationForm['format'];
	meetingLink: string | null;
	venue: string | null;
	reviewObjectives: string[];
	participationRules: string | null;
	expectedOutcomes: string | null;
	capacity: number | null;
	registrationLimit: number | null;
	registrationOpensAt: Date | null;
	registrationClosesAt: Date | null;
	isOnePerOrganization: boolean;
	isChathamHouse: boolean;
	anonymityThreshold: number;
	status: TConsultationForm['status'];
	objectiveNumbers: number[];
	/** The organizing team: lead agencies, then co-designing stakeholder organizations. */
	team: { organizationId: OrganizationId; role: 'lead-agency' | 'co-designer' }[];
}

/** Form → database values, with the checks that span fields (times in order). */
export function toConsultationValues(form: TConsultationForm): { ok: true; values: ConsultationValues } | { ok: false; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const at = (date: string, time: string, field: string) => {
		try {
			return zonedToInstant(date, time, form.timeZone);
		} catch {
			errors[field] = 'date-invalid';
			return null;
		}
	};
	const startsAt = at(form.date, form.startTime, 'date');
	const endsAt = at(form.date, form.endTime, 'endTime');
	if (startsAt && endsAt && endsAt <= startsAt) errors.endTime = 'end-before-start';
	const opens = form.registrationOpensDate ? at(form.registrationOpensDate, '00:00', 'registrationOpensDate') : null;
	const closes = form.registrationClosesDate ? at(form.registrationClosesDate, form.registrationClosesTime, 'registrationClosesDate') : null;
	if (closes && startsAt && closes > startsAt) errors.registrationClosesDate = 'closes-after-start';
	if (opens && closes && opens >= closes) errors.registrationOpensDate = 'opens-after-closes';
	const numbers = [...new Set(form.objectives.map(Number))].filter((n) => n >= 1).sort((a, b) => a - b);
	if (Object.keys(errors).length || !startsAt || !endsAt) return { ok: false, errors };
	const orNull = (v: string) => (v === '' ? null : v);
	return {
		ok: true,
		values: {
			title: form.title,
			slug: form.slug,
			theme: orNull(form.theme),
			background: orNull(form.background),
			timeZone: form.timeZone,
			startsAt,
			endsAt,
			format: form.format,
			meetingLink: orNull(form.meetingLink),
			venue: orNull(form.venue),
			reviewObjectives: form.reviewObjectives.split('\n').map((l) => l.trim()).filter(Boolean),
			participationRules: orNull(form.participationRules),
			expectedOutcomes: orNull(form.expectedOutcomes),
			capacity: form.capacity,
			registrationLimit: form.registrationLimit,
			registrationOpensAt: opens,
			registrationClosesAt: closes,
			isOnePerOrganization: form.isOnePerOrganization,
			isChathamHouse: form.isChathamHouse,
			anonymityThreshold: form.anonymityThreshold,
			status: form.status,
			objectiveNumbers: numbers,
			team: [
				...[...new Set(form.leadAgencyIds)].map((organizationId) => ({ organizationId, role: 'lead-agency' as const })),
				...[...new Set(form.coDesignerIds)].filter((id) => !form.leadAgencyIds.includes(id)).map((organizationId) => ({ organizationId, role: 'co-designer' as const }))
			]
		}
	};
}

export function consultationFormFields(form: FormData) {
	const get = (k: string) => (form.has(k) ? String(form.get(k)) : undefined);
	const names = ['title', 'slug', 'theme', 'background', 'timeZone', 'date', 'startTime', 'endTime', 'format', 'meetingLink', 'venue', 'reviewObjectives', 'participationRules', 'expectedOutcomes', 'capacity', 'registrationLimit', 'registrationOpensDate', 'registrationClosesDate', 'registrationClosesTime', 'anonymityThreshold', 'status'] as const;
	return {
		...Object.fromEntries(names.map((n) => [n, get(n)])),
		objectives: form.getAll('objectives').map(String),
		leadAgencyIds: form.getAll('leadAgencyIds').map(String),
		coDesignerIds: form.getAll('coDesignerIds').map(String),
		isOnePerOrganization: form.get('isOnePerOrganization') === 'on',
		isChathamHouse: form.get('isChathamHouse') === 'on'
	};
}
