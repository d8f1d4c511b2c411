// The privacy check of a whole text: the leak scan (names, emails, phones, organizations) and the
// anonymity-set check of every speaker the text describes. One entry point for report versions,
// edited paragraphs, public pages, exports and the CLI.

import { checkSpeakerDescriptors, type DescribedAttendee, type Descriptor } from './anonymity';
import { recognizeSpeakers } from './descriptors';
import { MAX_FINDINGS, scanForLeaks, type Attendee, type Finding } from './leak-scan';
import { fold } from './normalize';
import { wordSpans } from './words';

export type PrivacyAttendee = Attendee & DescribedAttendee;

export interface AnonymityTextFinding {
	kind: 'anonymity';
	severity: 'block';
	start: number;
	end: number;
	text: string;
	descriptor: Descriptor;
	matching: number;
	k: number;
}

export type PrivacyFinding = Finding | AnonymityTextFinding;

export interface PrivacyReport {
	findings: PrivacyFinding[];
	isBlocked: boolean;
}

/** Describes a descriptor in words for an explanation: "category parliamentarians, country BT". */
export function describeDescriptor(d: Descriptor): string {
	return Object.entries(d)
		.map(([key, value]) => `${key} ${value}`)
		.join(', ');
}

export function explainFinding(f: PrivacyFinding): string {
	switch (f.kind) {
		case 'anonymity':
			return `"${f.text}" fits ${f.matching} ${f.matching === 1 ? 'attendee' : 'attendees'} (${describeDescriptor(f.descriptor)}); at least ${f.k} are needed so that nobody can be singled out.`;
		case 'person':
			return f.severity === 'warn'
				? `"${f.text}" is the name of a speaker on the record and also of a participant protected by the Chatham House Rule: check that it refers to the speaker.`
				: `"${f.text}" names ${f.subject}, who spoke under the Chatham House Rule.`;
		case 'email':
			return `"${f.text}" is ${f.subject ? `the email address of ${f.subject}` : 'an email address'}.`;
		case 'phone':
			return `"${f.text}" looks like a telephone number.`;
		case 'organization':
			return `"${f.text}" names the organization of a participant who spoke under the Chatham House Rule (${f.subject}); check that it does not reveal who said what.`;
	}
}

/**
 * `attendees` are the people the leak scan looks for (the protected, with the on-record speakers);
 * `room` are those a descriptor is counted against (by default the same list).
 */
export function checkText(text: string, attendees: readonly PrivacyAttendee[], k: number, room: readonly DescribedAttendee[] = attendees): PrivacyReport {
	const folded = fold(text);
	const words = wordSpans(folded.text);
	const findings: PrivacyFinding[] = [...scanForLeaks(text, attendees, folded, words)];
	const onRecordNames = attendees.filter((a) => a.attribution === 'on-record').map((a) => a.name);
	// The same description repeated (a long text says "a participant from Nepal" many times) is counted once.
	const counted = new Map<string, ReturnType<typeof checkSpeakerDescriptors>>();
	for (const mention of recognizeSpeakers(text, { onRecordNames, folded, words })) {
		if (mention.onRecord || !mention.terms.length) continue;
		const descriptors: Descriptor[] = [];
		const seen = new Set<string>();
		for (const t of mention.terms) {
			const key = `${t.key}=${t.value}`;
			if (!seen.has(key)) {
				seen.add(key);
				descriptors.push({ [t.key]: t.value });
			}
		}
		const key = [...seen].join('|');
		let result = counted.get(key);
		if (!result) counted.set(key, (result = checkSpeakerDescriptors(descriptors, room, k)));
		if (findings.length >= 2 * MAX_FINDINGS) break;
		for (const f of result) {
			const keys = Object.keys(f.descriptor);
			const involved = mention.terms.filter((t) => keys.includes(t.key) && f.descriptor[t.key] === t.value);
			const start = Math.min(mention.start, ...involved.map((t) => t.start));
			const end = Math.max(mention.end, ...involved.map((t) => t.end));
			findings.push({ kind: 'anonymity', severity: 'block', start, end, text: text.slice(start, end), descriptor: f.descriptor, matching: f.matching, k });
		}
	}
	findings.sort((a, b) => a.start - b.start || a.end - b.end);
	const isBlocked = findings.some((f) => f.severity === 'block');
	// Bounded, like the leak scan's: blocking findings first, so a cut list still says why.
	const kept = findings.length > MAX_FINDINGS ? [...findings.filter((f) => f.severity === 'block'), ...findings.filter((f) => f.severity !== 'block')].slice(0, MAX_FINDINGS).sort((a, b) => a.start - b.start || a.end - b.end) : findings;
	return { findings: kept, isBlocked };
}
