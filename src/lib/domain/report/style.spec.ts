import { describe, expect, it } from 'vitest';
import { asRecommendation, firstPersonWords, lowerFirst, styleFlags, toThirdPerson, withArticle } from './style';

describe('reported speech', () => {
	it.each([
		['Our parliament amended the law.', 'Their parliament amended the law.'],
		['our city opened one-stop centres, and we staffed them ourselves.', 'their city opened one-stop centres, and they staffed them themselves.'],
		['I am convinced that my ministry will act.', 'They are convinced that their ministry will act.'],
		['The union asked us to join; I was there.', 'The union asked them to join; they were there.'],
		['Funding fell. I think that we’re late, and I’m sure of it.', 'Funding fell. They think that they’re late, and they’re sure of it.'],
		['Then I said that our data is wrong. Was I wrong?', 'Then they said that their data is wrong. Were they wrong?'],
		// Quotations keep their words, in any quotation marks.
		['The banner read “our rights now”, said our member.', 'The banner read “our rights now”, said their member.'],
		['The slogan ‘we are here’ was on every wall of the city.', 'The slogan ‘we are here’ was on every wall of the city.'],
		["'We will not be silenced,' was the answer of the union.", "'We will not be silenced,' was the answer of the union."],
		['The motto « we are here » is the answer of the union.', 'The motto « we are here » is the answer of the union.'],
		// Acronyms, names and numerals are not pronouns.
		['Workers in the US and in Part I of the survey.', 'Workers in the US and in Part I of the survey.'],
		['Article I of the Convention and Pillar I of the plan were read by King George I.', 'Article I of the Convention and Pillar I of the plan were read by King George I.'],
		['The campaign of Our Lady of the Migrants and the WE Charity used MY-2025 and the Me Too hashtag.', 'The campaign of Our Lady of the Migrants and the WE Charity used MY-2025 and the Me Too hashtag.'],
		// Another language is left alone.
		['Il me semble que nous avons avancé.', 'Il me semble que nous avons avancé.']
	])('%s → %s', (text, expected) => {
		expect(toThirdPerson(text)).toBe(expected);
	});

	it('finds the first-person words the draft will change, outside quotations', () => {
		expect(firstPersonWords('Our parliament and my office, not “our” words, in the US.')).toEqual(['Our', 'my']);
		expect(firstPersonWords('The parliament of Malaysia amended the law.')).toEqual([]);
	});

	it('lowers the first word to follow "said that", but not a name', () => {
		expect(lowerFirst('Parliamentary committees rarely work together.')).toBe('parliamentary committees rarely work together.');
		expect(lowerFirst('The consultation was held in the Pacific and East Asia.')).toBe('the consultation was held in the Pacific and East Asia.');
		expect(lowerFirst('Malaysia has helped them.')).toBe('Malaysia has helped them.');
		expect(lowerFirst('New Zealand has a scheme.')).toBe('New Zealand has a scheme.');
		expect(lowerFirst('ILO staff told them.')).toBe('ILO staff told them.');
		expect(lowerFirst('Kiribati and Tuvalu face rising seas.')).toBe('Kiribati and Tuvalu face rising seas.');
		expect(lowerFirst('Suva has opened a centre, and Suva will open another.')).toBe('Suva has opened a centre, and Suva will open another.');
	});
});

describe('recommendations phrased as recommendations', () => {
	it.each([
		['Several participants called for model legislation on fair recruitment to be developed at the regional level.', 'Model legislation on fair recruitment should be developed at the regional level.'],
		['Participants recommended that parliaments should hold hearings.', 'Parliaments should hold hearings.'],
		['It was suggested that the Network should publish a guide.', 'The Network should publish a guide.'],
		// Already a recommendation, or a shape that is not certain: left as written.
		['Parliaments should establish cross-party groups.', 'Parliaments should establish cross-party groups.'],
		['Several participants called for a regional fund.', 'Several participants called for a regional fund.'],
		['Participants called for an end to detention of children.', 'Participants called for an end to detention of children.'],
		['Participants called for access to justice to be improved.', 'Participants called for access to justice to be improved.'],
		['Participants called for support to migrants.', 'Participants called for support to migrants.'],
		['Participants called for a moratorium on deportations to Myanmar.', 'Participants called for a moratorium on deportations to Myanmar.'],
		['Participants called for governments not to detain children.', 'Participants called for governments not to detain children.'],
		['Participants urged employers, who often fail to pay migrants, to pay on time.', 'Participants urged employers, who often fail to pay migrants, to pay on time.'],
		['Some participants called for, among other things, a fund to be created.', 'Some participants called for, among other things, a fund to be created.'],
		['A participant called for us to be heard.', 'A participant called for us to be heard.'],
		['Two participants called for data. Others called for a fund to be created.', 'Two participants called for data. Others called for a fund to be created.'],
		['Participants recommended that governments adopt measures; employers should comply.', 'Participants recommended that governments adopt measures; employers should comply.']
	])('%s → %s', (text, expected) => {
		expect(asRecommendation(text)).toBe(expected);
	});

	it('flags what the rapporteur may want to put right at the source', () => {
		expect(styleFlags('Several participants called for a regional fund.', true)).toEqual(['reporting-recommendation']);
		expect(styleFlags('Our city opened centres.', false)).toEqual(['first-person']);
		expect(styleFlags('Our governments should ratify the convention.', true)).toEqual(['first-person-recommendation']);
		expect(styleFlags('Parliaments should act.', true)).toEqual([]);
	});
});

describe('the names of organizations in running text', () => {
	it.each([
		['Regional Network on Migration for Asia and the Pacific (secretariat)', 'the Regional Network on Migration for Asia and the Pacific (secretariat)'],
		['University of Crossroads, Centre for Mobility Research', 'the University of Crossroads, Centre for Mobility Research'],
		['Asian Development Bank', 'the Asian Development Bank'],
		['Bangkok Metropolitan Administration', 'the Bangkok Metropolitan Administration'],
		['The Lantern Legal Aid Initiative', 'The Lantern Legal Aid Initiative'],
		['A Group for Migrants', 'A Group for Migrants'],
		['IOM', 'IOM'],
		['Amnesty International', 'Amnesty International']
	])('%s → %s', (name, expected) => {
		expect(withArticle(name)).toBe(expected);
	});
});
