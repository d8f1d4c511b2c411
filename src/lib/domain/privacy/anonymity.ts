// The anonymity-set check: a descriptor ("a parliamentarian", "a representative from Bhutan",
// "she") must fit at least k attendees, and so must every combination of descriptors used for the
// same speaker in a passage. Below k it is a blocking finding that says how many fit.

export interface DescribedAttendee {
	country?: string | null;
	subregion?: string | null;
	category?: string | null;
	gender?: string | null;
	organizationType?: string | null;
}

export type Descriptor = Partial<Record<keyof DescribedAttendee, string>>;

export interface AnonymityFinding {
	descriptor: Descriptor;
	matching: number;
	k: number;
}

export function anonymitySet(descriptor: Descriptor, attendees: readonly DescribedAttendee[]): number {
	const keys = Object.keys(descriptor) as (keyof DescribedAttendee)[];
	return attendees.filter((a) => keys.every((key) => a[key] === descriptor[key])).length;
}

/**
 * Every descriptor of one speaker in a passage, and their union, checked against the attendees.
 * Returns the findings (empty when every set has at least k people).
 */
export function checkSpeakerDescriptors(descriptors: readonly Descriptor[], attendees: readonly DescribedAttendee[], k: number): AnonymityFinding[] {
	const findings: AnonymityFinding[] = [];
	const combined: Descriptor = {};
	let isContradictory = false;
	for (const d of descriptors) {
		const matching = anonymitySet(d, attendees);
		if (matching < k) findings.push({ descriptor: d, matching, k });
		for (const [key, value] of Object.entries(d) as [keyof DescribedAttendee, string][]) {
			if (combined[key] !== undefined && combined[key] !== value) isContradictory = true;
			combined[key] = value;
		}
	}
	if (descriptors.length > 1 && !isContradictory) {
		const matching = anonymitySet(combined, attendees);
		if (matching < k && !findings.some((f) => JSON.stringify(f.descriptor) === JSON.stringify(combined))) findings.push({ descriptor: combined, matching, k });
	}
	return findings;
}
