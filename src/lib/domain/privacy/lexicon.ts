// The words by which a text can describe a speaker: stakeholder-category nouns, country names and
// adjectives, subregions, gendered pronouns, titles and nouns. English; values are the codes the
// directory uses (ISO 3166 alpha-2, category ids, subregion names, gender codes).

/** Country names, short names and adjectives, by ISO code (ESCAP members and associate members). */
export const COUNTRY_TERMS: Record<string, readonly string[]> = {
	CN: ['China', 'Chinese', "People's Republic of China"],
	KP: ["Democratic People's Republic of Korea", 'DPRK', 'North Korea', 'North Korean'],
	JP: ['Japan', 'Japanese'],
	MN: ['Mongolia', 'Mongolian'],
	KR: ['Republic of Korea', 'South Korea', 'Korea', 'Korean', 'South Korean'],
	BN: ['Brunei Darussalam', 'Brunei', 'Bruneian'],
	KH: ['Cambodia', 'Cambodian'],
	ID: ['Indonesia', 'Indonesian'],
	LA: ["Lao People's Democratic Republic", 'Lao PDR', 'Laos', 'Lao'],
	MY: ['Malaysia', 'Malaysian'],
	MM: ['Myanmar', 'Burmese'],
	PH: ['Philippines', 'Filipino', 'Filipina', 'Philippine'],
	SG: ['Singapore', 'Singaporean'],
	TH: ['Thailand', 'Thai'],
	TL: ['Timor-Leste', 'East Timor', 'Timorese'],
	VN: ['Viet Nam', 'Vietnam', 'Vietnamese'],
	AF: ['Afghanistan', 'Afghan'],
	BD: ['Bangladesh', 'Bangladeshi'],
	BT: ['Bhutan', 'Bhutanese'],
	IN: ['India', 'Indian'],
	IR: ['Iran (Islamic Republic of)', 'Islamic Republic of Iran', 'Iran', 'Iranian'],
	MV: ['Maldives', 'Maldivian'],
	NP: ['Nepal', 'Nepali', 'Nepalese'],
	PK: ['Pakistan', 'Pakistani'],
	LK: ['Sri Lanka', 'Sri Lankan'],
	TR: ['Türkiye', 'Turkey', 'Turkish'],
	AM: ['Armenia', 'Armenian'],
	AZ: ['Azerbaijan', 'Azerbaijani'],
	GE: ['Georgia', 'Georgian'],
	KZ: ['Kazakhstan', 'Kazakh', 'Kazakhstani'],
	KG: ['Kyrgyzstan', 'Kyrgyz'],
	RU: ['Russian Federation', 'Russia', 'Russian'],
	TJ: ['Tajikistan', 'Tajik'],
	TM: ['Turkmenistan', 'Turkmen'],
	UZ: ['Uzbekistan', 'Uzbek'],
	AU: ['Australia', 'Australian'],
	FJ: ['Fiji', 'Fijian'],
	KI: ['Kiribati', 'I-Kiribati'],
	MH: ['Marshall Islands', 'Marshallese'],
	FM: ['Micronesia (Federated States of)', 'Federated States of Micronesia', 'Micronesia', 'Micronesian'],
	NR: ['Nauru', 'Nauruan'],
	NZ: ['New Zealand', 'New Zealander'],
	PW: ['Palau', 'Palauan'],
	PG: ['Papua New Guinea', 'Papua New Guinean'],
	WS: ['Samoa', 'Samoan'],
	SB: ['Solomon Islands', 'Solomon Islander'],
	TO: ['Tonga', 'Tongan'],
	TV: ['Tuvalu', 'Tuvaluan'],
	VU: ['Vanuatu', 'Ni-Vanuatu'],
	FR: ['France', 'French'],
	NL: ['Netherlands', 'Dutch'],
	GB: ['United Kingdom of Great Britain and Northern Ireland', 'United Kingdom', 'British'],
	US: ['United States of America', 'United States', 'American'],
	AS: ['American Samoa', 'American Samoan'],
	CK: ['Cook Islands', 'Cook Islander'],
	PF: ['French Polynesia', 'French Polynesian'],
	GU: ['Guam', 'Guamanian', 'Chamorro'],
	HK: ['Hong Kong, China', 'Hong Kong', 'Hong Konger'],
	MO: ['Macao, China', 'Macao', 'Macau', 'Macanese'],
	NC: ['New Caledonia', 'New Caledonian'],
	NU: ['Niue', 'Niuean'],
	MP: ['Northern Mariana Islands', 'Northern Mariana Islander']
};

export const SUBREGION_TERMS: Record<string, readonly string[]> = {
	'east-and-north-east-asia': ['East and North-East Asia', 'North-East Asia', 'Northeast Asia', 'East Asia', 'East Asian', 'North-East Asian'],
	'south-east-asia': ['South-East Asia', 'Southeast Asia', 'South-East Asian', 'Southeast Asian', 'ASEAN'],
	'south-and-south-west-asia': ['South and South-West Asia', 'South Asia', 'South-West Asia', 'South Asian'],
	'north-and-central-asia': ['North and Central Asia', 'Central Asia', 'Central Asian'],
	pacific: ['the Pacific', 'Pacific Islands', 'Pacific Island', 'Pacific Islander', 'Pacific']
};

/** Nouns (and noun phrases) naming a member of a stakeholder category, by category id. */
export const CATEGORY_TERMS: Record<string, readonly string[]> = {
	migrants: ['migrant worker', 'migrant workers', 'migrant', 'returnee', 'returning migrant', 'domestic worker'],
	'civil-society': ['civil society representative', 'civil society organization', 'civil society', 'NGO representative', 'NGO', 'activist'],
	'migrant-and-diaspora-organizations': ['migrant and diaspora organizations', 'migrant and diaspora organization', 'diaspora organization', 'diaspora representative', 'diaspora leader', 'diaspora', 'migrant organization', "migrants' organization"],
	'faith-based-organizations': ['faith-based organization', 'faith leader', 'religious leader', 'faith-based'],
	'local-authorities-and-communities': ['local authority', 'local authorities', 'local government', 'local official', 'mayor', 'councillor', 'councilor', 'city official', 'governor'],
	'private-sector': ['private sector', 'business representative', 'employer', 'employers', 'recruitment agency', 'recruiter', 'entrepreneur', 'company'],
	'trade-unions': ['trade unionist', 'trade union', 'union leader', 'union representative', 'unionist', 'labour union', 'labor union'],
	parliamentarians: ['parliamentarian', 'member of parliament', 'MP', 'legislator', 'lawmaker', 'senator', 'parliamentary staff', 'parliament'],
	'national-human-rights-institutions': ['national human rights institution', 'human rights commission', 'human rights commissioner', 'NHRI', 'ombudsman', 'ombudsperson'],
	'red-cross-red-crescent-movement': ['Red Cross', 'Red Crescent', 'National Society'],
	academia: ['academic', 'researcher', 'professor', 'scholar', 'university', 'think tank'],
	media: ['journalist', 'reporter', 'editor', 'media representative', 'media'],
	'other-relevant-stakeholders': []
};

/** Pronouns, titles and nouns that give a speaker's gender, by gender code. */
export const GENDER_TERMS: Record<string, readonly string[]> = {
	woman: ['she', 'her', 'hers', 'herself', 'ms', 'mrs', 'miss', 'madam', 'madame', 'woman', 'female', 'lady', 'congresswoman', 'chairwoman', 'spokeswoman'],
	man: ['he', 'him', 'his', 'himself', 'mr', 'sir', 'man', 'male', 'gentleman', 'congressman', 'chairman', 'spokesman']
};

/** Words that can head a speaker phrase: "a participant", "a representative", "a delegate". */
export const SPEAKER_NOUNS: readonly string[] = [
	'participant', 'representative', 'speaker', 'delegate', 'member', 'colleague', 'attendee', 'person', 'advocate', 'official',
	'leader', 'expert', 'practitioner', 'worker', 'voice', 'organizer', 'organiser', 'contributor', 'discussant', 'respondent'
];

/** Determiners that open a new speaker phrase. */
export const SPEAKER_DETERMINERS: readonly string[] = ['a', 'an', 'another', 'one', 'a further', 'a second', 'a third'];

/** Verbs and punctuation that end the description of a speaker ("a participant from Nepal said"). */
export const REPORTING_VERBS: readonly string[] = [
	'said', 'says', 'noted', 'notes', 'stressed', 'emphasized', 'emphasised', 'highlighted', 'called', 'recalled', 'shared', 'explained', 'added',
	'argued', 'suggested', 'recommended', 'pointed', 'observed', 'urged', 'welcomed', 'expressed', 'described', 'asked', 'proposed', 'mentioned',
	'raised', 'underlined', 'underscored', 'reported', 'stated', 'spoke', 'presented', 'warned', 'agreed', 'cited', 'gave', 'told', 'invited',
	'shared', 'acknowledged', 'remarked', 'indicated', 'insisted', 'concluded', 'questioned', 'reminded', 'commented', 'believed', 'felt', 'was', 'is', 'had', 'has', 'who'
];
