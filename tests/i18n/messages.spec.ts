// Every locale Convene speaks has every message, with the same placeholders and line breaks as the
// English one, and no message is left in English: a translation that is missing or forgotten fails
// `npm test`. The few messages that are the same in another language (a brand, a format name, a
// pure placeholder, a word French shares with English) are listed here, key by key.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const settings = JSON.parse(fs.readFileSync('project.inlang/settings.json', 'utf8')) as { baseLocale: string; locales: string[] };
const read = (locale: string) => JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const english = read(settings.baseLocale);

const EVERYWHERE = ['$schema', 'app_name', 'consultation_time_range', 'report_format_md', 'report_format_pdf', 'process_title'];
const SAME_AS_ENGLISH: Record<string, string[]> = {
	fr: [
		...EVERYWHERE,
		'consultation_in_utc',
		...['nav_home', 'home_title', 'consultation_format', 'consultation_participation', 'consultation_capacity', 'role_rapporteur', 'staff_consultations', 'audit_col_action'],
		...['accounts_assignments', 'accounts_consultation', 'staff_invitations_link', 'editor_date', 'editor_format', 'agenda_item_description', 'selection_hash', 'selection_panel'],
		...['selection_probability', 'attendance_minutes', 'staff_notes_link', 'notes_attribution', 'report_format_docx', 'report_version', 'report_note', 'process_consultations'],
		...['dash_total', 'report_version_label']
	],
	ru: [...EVERYWHERE, 'consultation_in_utc', 'report_format_docx', 'zoom_issue_separator', 'privacy_descriptor_part'],
	zh: EVERYWHERE
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const lineBreaks = (text: string) => text.split('\n').length;

describe('translations', () => {
	it('covers the four languages of ESCAP that Convene serves', () => {
		expect(settings.locales).toEqual(['en', 'fr', 'ru', 'zh']);
	});

	for (const locale of settings.locales.filter((l) => l !== settings.baseLocale)) {
		describe(locale, () => {
			const messages = read(locale);

			it('has every message and no other', () => {
				expect(Object.keys(messages).filter((k) => !(k in english))).toEqual([]);
				expect(Object.keys(english).filter((k) => !(k in messages))).toEqual([]);
			});

			it('keeps each message’s placeholders and line breaks', () => {
				const wrong = Object.keys(english).filter((k) => k in messages && (placeholders(messages[k]).join() !== placeholders(english[k]).join() || lineBreaks(messages[k]) !== lineBreaks(english[k])));
				expect(wrong).toEqual([]);
			});

			it('leaves no message in English but the listed ones', () => {
				const allowed = new Set(SAME_AS_ENGLISH[locale] ?? EVERYWHERE);
				const untranslated = Object.keys(english).filter((k) => messages[k] === english[k] && !allowed.has(k));
				expect(untranslated).toEqual([]);
				// The list itself stays true: a key listed but translated since is dropped from it.
				const stale = [...allowed].filter((k) => k !== '$schema' && messages[k] !== english[k]);
				expect(stale).toEqual([]);
			});

			it('has no empty message', () => {
				expect(Object.keys(messages).filter((k) => !String(messages[k]).trim())).toEqual([]);
			});
		});
	}
});
