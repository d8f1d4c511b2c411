// Fictional good practices for the demo repository: invented organizations' initiatives, written
// the way submissions arrive, each tagged with GCM objectives.
export interface DemoPractice {
	title: string;
	summary: string;
	countryCode: string;
	subregionId: string;
	categoryId: string;
	objectives: number[];
	status: 'published' | 'submitted';
}

export const DEMO_PRACTICES: DemoPractice[] = [
	{ title: 'Zero recruitment fees for domestic workers', summary: 'A bilateral agreement between two countries of origin and destination makes employers pay every recruitment fee and cost, with a joint complaints desk for workers.', countryCode: 'PH', subregionId: 'south-east-asia', categoryId: 'trade-unions', objectives: [6], status: 'published' },
	{ title: 'Portable pensions for returning workers', summary: 'Social security contributions paid abroad are credited at home, so returning migrant workers keep their pension rights.', countryCode: 'NP', subregionId: 'south-and-south-west-asia', categoryId: 'civil-society', objectives: [22, 21], status: 'published' },
	{ title: 'City services for all residents', summary: 'A city council opens health care, schools and housing advice to every resident regardless of migration status, with interpreters in five languages.', countryCode: 'TH', subregionId: 'south-east-asia', categoryId: 'local-authorities-and-communities', objectives: [15, 16], status: 'published' },
	{ title: 'Cheaper remittances through mobile wallets', summary: 'A partnership with mobile operators cut the cost of sending money home below three per cent and opened bank accounts for seasonal workers.', countryCode: 'WS', subregionId: 'pacific', categoryId: 'private-sector', objectives: [20], status: 'published' },
	{ title: 'Skills passports for construction workers', summary: 'Trade tests recognized in three countries let construction workers carry their qualifications across borders and earn fair wages.', countryCode: 'BD', subregionId: 'south-and-south-west-asia', categoryId: 'trade-unions', objectives: [18, 6], status: 'published' },
	{ title: 'Community alternatives to immigration detention', summary: 'Case workers from a faith-based network support families in the community instead of detention, with appearance rates above 90 per cent.', countryCode: 'AU', subregionId: 'pacific', categoryId: 'faith-based-organizations', objectives: [13], status: 'published' },
	{ title: 'Parliamentary hearings on labour migration agreements', summary: 'A parliament committee holds public hearings before bilateral labour agreements are signed, with migrant associations invited to testify.', countryCode: 'KG', subregionId: 'north-and-central-asia', categoryId: 'parliamentarians', objectives: [23, 6], status: 'published' },
	{ title: 'Anti-trafficking hotline in seven languages', summary: 'A national human rights institution runs a free hotline for victims of trafficking and forced labour, answered in seven languages.', countryCode: 'MN', subregionId: 'east-and-north-east-asia', categoryId: 'national-human-rights-institutions', objectives: [10, 3], status: 'submitted' }
];
