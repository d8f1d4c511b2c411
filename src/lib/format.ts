// Presentation helpers shared by pages: turn domain values into translated strings.
import { m } from './paraglide/messages';
import type { Locale } from './paraglide/runtime';
import type { ConsultationFormat, UserRole } from './domain/enums';

export function formatLabel(format: ConsultationFormat | string): string {
	if (format === 'in-person') return m.format_in_person();
	if (format === 'hybrid') return m.format_hybrid();
	return m.format_online();
}

export function roleLabel(role: UserRole | string, locale?: Locale): string {
	const o = locale ? { locale } : {};
	switch (role) {
		case 'admin':
			return m.role_admin({}, o);
		case 'organizer':
			return m.role_organizer({}, o);
		case 'rapporteur':
			return m.role_rapporteur({}, o);
		default:
			return m.role_stakeholder({}, o);
	}
}

export function statusLabel(status: string): string {
	switch (status) {
		case 'selected':
			return m.status_selected();
		case 'waitlisted':
			return m.status_waitlisted();
		case 'declined':
			return m.status_declined();
		case 'confirmed':
			return m.status_confirmed();
		case 'withdrawn':
			return m.status_withdrawn();
		default:
			return m.status_submitted();
	}
}

export function genderLabel(gender: string, locale?: Locale): string {
	const o = locale ? { locale } : {};
	switch (gender) {
		case 'woman':
			return m.gender_woman({}, o);
		case 'man':
			return m.gender_man({}, o);
		case 'non-binary':
			return m.gender_non_binary({}, o);
		case 'self-described':
			return m.gender_self_described({}, o);
		case 'prefer-not-to-say':
			return m.gender_prefer_not_to_say({}, o);
		default:
			return gender;
	}
}

/** The name of a selection dimension (subregion, gender, stakeholder group). */
export function dimensionTitle(dimension: string): string {
	return dimension === 'subregion' ? m.field_subregion() : dimension === 'gender' ? m.field_gender() : m.field_category();
}

/** A recommendation's status, in the reader's language. */
export function recommendationStatusLabel(status: string): string {
	switch (status) {
		case 'in-progress':
			return m.rec_status_in_progress();
		case 'implemented':
			return m.rec_status_implemented();
		case 'no-action':
			return m.rec_status_no_action();
		default:
			return m.rec_status_open();
	}
}

const ADDRESSEE_LABELS: Record<string, () => string> = {
	governments: m.addressee_governments,
	parliamentarians: m.addressee_parliamentarians,
	'inter-parliamentary-bodies': m.addressee_inter_parliamentary_bodies,
	'local-authorities': m.addressee_local_authorities,
	'the-network': m.addressee_the_network,
	'un-system': m.addressee_un_system,
	'regional-bodies': m.addressee_regional_bodies,
	'civil-society': m.addressee_civil_society,
	employers: m.addressee_employers,
	'trade-unions': m.addressee_trade_unions
};

/** A recommendation's addressee, in the reader's language. */
export function addresseeText(id: string): string {
	return ADDRESSEE_LABELS[id]?.() ?? id;
}

/** Where a recommendation stands in its report, in the reader's language ("par. 14 (B)"). */
export function recommendationPlace(paragraphNumber: number | null, letter: string | null): string {
	if (paragraphNumber === null) return letter ? `(${letter})` : '';
	return letter ? m.recs_reference_item({ number: paragraphNumber, letter }) : m.recs_reference_paragraph({ number: paragraphNumber });
}

/** A follow-up log entry's text: a status change worded in the reader's language, else the note as written. */
export function followUpText(f: { note: string; statusChange: { from: string; to: string } | null }): string {
	return f.statusChange ? m.recs_status_changed({ from: recommendationStatusLabel(f.statusChange.from), to: recommendationStatusLabel(f.statusChange.to) }) : f.note;
}

export function pledgeStatusLabel(status: string): string {
	return status === 'in-progress' ? m.pledge_status_in_progress() : status === 'fulfilled' ? m.pledge_status_fulfilled() : status === 'withdrawn' ? m.pledge_status_withdrawn() : m.pledge_status_announced();
}

export function actionPlanLabel(status: string): string {
	return status === 'adopted' ? m.nap_adopted() : status === 'in-preparation' ? m.nap_in_preparation() : m.nap_none();
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let f = numberFormats.get(key);
	if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, options)));
	return f;
}

/** A number as the reader writes it: "1 234,5" in French, "1,234.5" in English. */
export function formatNumber(n: number, locale: string, fractionDigits?: number): string {
	return numberFormat(locale, fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(n);
}

/** A share given in per cent (47.5) as the reader writes it: "47.5%", "47,5 %", "47,5 %", "47.5%". */
export function formatPercent(perCent: number, locale: string, fractionDigits = 1): string {
	return numberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: fractionDigits }).format(perCent / 100);
}
