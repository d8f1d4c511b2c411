import { describe, expect, it } from 'vitest';
import { asRecommendation, firstPersonWords, styleFlags, toThirdPerson, withArticle } from './style';

describe('reported speech', () => {
	it.each([
		['Our parliament amended the law.', 'Their parliament amended the law.'],
		['our city opened one-stop centres, and we staffed them ourselves.', 'their city opened one-stop centres, and they staffed them themselves.'],
		['I am convinced that my ministry will act.', 'They are convinced that their ministry will act.'],
		['The union asked us to join; I was there.', 'The union asked them to join; they were there.'],
		// A quotation keeps its words; "US" and a numbered part are not pronouns.
		['The banner read “our rights now”, said our member.', 'The banner read “our rights now”, said their member.'],
		['Workers in the US and in Part I of the survey.', 'Workers in the US and in Part I of the survey.']
	])('%s → %s', (text, expected) => {
		expect(toThirdPerson(text)).toBe(expected);
	});

	it('finds the first-person words the rapporteur may want to change, outside quotations', () => {
		expect(firstPersonWords('Our parliament and my office, not “our” words.')).toEqual(['Our', 'my']);
		expect(firstPersonWords('The parliament of Malaysia amended the law.')).toEqual([]);
	});
});

describe('recommendations phrased as recommendations', () => {
	it.each([
		['Several participants called for model legislation on fair recruitment to be developed at the regional level.', 'Model legislation on fair recruitment should be developed at the regional level.'],
		['Participants urged governments to ratify ILO Convention No. 189.', 'Governments should ratify ILO Convention No. 189.'],
		['Participants recommended that parliaments should hold hearings.', 'Parliaments should hold hearings.'],
		['It was suggested that the Network should publish a guide.', 'The Network should publish a guide.'],
		// Already a recommendation, or no action to state: left as written.
		['Parliaments should establish cross-party groups.', 'Parliaments should establish cross-party groups.'],
		['Several participants called for a regional fund.', 'Several participants called for a regional fund.']
	])('%s → %s', (text, expected) => {
		expect(asRecommendation(text)).toBe(expected);
	});

	it('flags what the rapporteur may want to put right at the source', () => {
		expect(styleFlags('Several participants called for a regional fund.', true)).toEqual(['reporting-recommendation']);
		expect(styleFlags('Our city opened centres.', false)).toEqual(['first-person']);
		expect(styleFlags('Parliaments should act.', true)).toEqual([]);
	});
});

describe('the names of organizations in running text', () => {
	it.each([
		['Regional Network on Migration for Asia and the Pacific (secretariat)', 'the Regional Network on Migration for Asia and the Pacific (secretariat)'],
		['University of Crossroads, Centre for Mobility Research', 'the University of Crossroads, Centre for Mobility Research'],
		['The Lantern Legal Aid Initiative', 'The Lantern Legal Aid Initiative'],
		['IOM', 'IOM'],
		['Amnesty International', 'Amnesty International']
	])('%s → %s', (name, expected) => {
		expect(withArticle(name)).toBe(expected);
	});
});
