// The demo review process: five consultations modelled on a real regional GCM review (four thematic
// consultations, one per IMRF round table, and one with parliamentarians). All people, statements
// and organizations are fictional. Texts only; seed-demo.ts places them in time and in the database.

export interface DemoSession {
	title: string;
	minutes: number;
	description?: string;
	speakerRole?: 'opening' | 'panelist' | 'closing';
	speakers?: number; // how many on-record speakers to draw
	questions?: string[];
	statements?: DemoStatement[];
}

export interface DemoStatement {
	onRecord: boolean; // true: said by one of the session's speakers
	text: string;
	descriptors?: { kind: 'category' | 'subregion' | 'gender'; value: string }[];
	objectives?: number[];
	isRecommendation?: boolean;
}

export type DemoStage = 'open' | 'closed' | 'past';

export interface DemoConsultation {
	slug: string;
	title: string;
	theme: string;
	cluster: number | null;
	objectives: number[];
	stage: DemoStage;
	daysFromToday: number; // meeting day relative to the seed day (open: replaced by a Thursday)
	capacity: number | null;
	isOnePerOrganization: boolean;
	categoryFocus?: string; // parliamentarians' consultation
	sessions: DemoSession[];
}

const REVIEW_OBJECTIVES = [
	'Take stock of progress in implementing the Global Compact for Migration in the region',
	'Identify challenges, gaps and emerging issues',
	'Share good practices and lessons learned',
	'Identify resource and capacity needs',
	'Formulate recommendations for the regional review'
];
export const DEMO_REVIEW_OBJECTIVES = REVIEW_OBJECTIVES;

export const DEMO_PARTICIPATION_RULES =
	'The consultation is closed and not recorded, and is held under the Chatham House Rule: participants ' +
	'may use the information received, but neither the identity nor the affiliation of any speaker or ' +
	'other participant may be revealed. One person per organization may register. Participation is ' +
	'balanced by subregion, gender and stakeholder group; if more people register than there are seats, ' +
	'participants are selected by a fair lottery under these quotas. The invitation may be forwarded.';

export const DEMO_EXPECTED_OUTCOMES =
	'An informal summary report, shared with all participants for one week of comments before publication, ' +
	'that feeds into the regional review of the Global Compact for Migration.';

function thematic(
	slug: string,
	title: string,
	cluster: number,
	objectives: number[],
	stage: DemoStage,
	daysFromToday: number,
	capacity: number | null,
	sessionOne: string,
	sessionTwo: string,
	questionsOne: string[],
	questionsTwo: string[],
	statements: DemoStatement[][]
): DemoConsultation {
	return {
		slug,
		title,
		theme: title,
		cluster,
		objectives,
		stage,
		daysFromToday,
		capacity,
		isOnePerOrganization: true,
		sessions: [
			{ title: 'Opening remarks', minutes: 15, speakerRole: 'opening', speakers: 1, statements: statements[0] ?? [] },
			{ title: sessionOne, minutes: 75, speakerRole: 'panelist', speakers: 2, questions: questionsOne, statements: statements[1] ?? [] },
			{ title: sessionTwo, minutes: 75, speakerRole: 'panelist', speakers: 2, questions: questionsTwo, statements: statements[2] ?? [] },
			{ title: 'Closing remarks', minutes: 15, speakerRole: 'closing', speakers: 1, statements: statements[3] ?? [] }
		]
	};
}

export const DEMO_CONSULTATIONS: DemoConsultation[] = [
	thematic(
		'voluntary-regular-safe-orderly',
		'Ensuring that migration is voluntary, regular, safe and orderly',
		1,
		[2, 5, 6, 12, 18],
		'open',
		17,
		60,
		'Regular pathways and fair recruitment',
		'Addressing the drivers of migration, including climate change',
		[
			'What progress has been made in expanding regular pathways for migration since the last review?',
			'How can recruitment fees and related costs be eliminated for migrant workers?',
			'Which practices have improved the recognition of skills across borders?'
		],
		[
			'How are the adverse drivers of migration, including disasters and climate change, being addressed?',
			'What support do communities of origin need so that migration is a choice and not a necessity?'
		],
		[]
	),
	thematic(
		'rights-based-border-governance',
		'Protecting migrants through human rights-based border governance',
		2,
		[4, 8, 9, 10, 11, 13, 21],
		'closed',
		5,
		40,
		'Saving lives and preventing trafficking and smuggling',
		'Alternatives to immigration detention and safe return',
		[
			'What measures have been taken to save lives and search for missing migrants?',
			'How are victims of trafficking identified and protected?'
		],
		[
			'Which alternatives to immigration detention are in use, and with what results?',
			'How can return and reintegration be made safe and dignified?'
		],
		[]
	),
	thematic(
		'inclusion-and-development',
		"Supporting migrants' inclusion and their contribution to sustainable development",
		3,
		[14, 15, 16, 19, 20, 22],
		'past',
		-35,
		50,
		'Access to basic services and social protection',
		'Remittances, diaspora and portability of social security',
		[
			'How can migrants, regardless of status, access health care, education and justice?',
			'What has made social protection portable across borders?'
		],
		[
			'How have the costs of sending remittances changed, and what remains to be done?',
			'How do diaspora organizations contribute to development in countries of origin?'
		],
		[
			[
				{ onRecord: true, text: 'The consultation was held under the Chatham House Rule, and the summary report would be shared with participants for comments before publication.' }
			],
			[
				{ onRecord: true, text: 'Access to essential services remains uneven across the region; firewalls between service providers and immigration enforcement have allowed migrants in irregular situations to seek care without fear.', objectives: [15] },
				{ onRecord: false, text: 'Migrant domestic workers are often excluded from labour law and therefore from the social protection schemes attached to it.', descriptors: [{ kind: 'category', value: 'trade-unions' }], objectives: [22] },
				{ onRecord: false, text: 'Language barriers and the lack of trained interpreters keep many migrants from using public health services even where they are entitled to them.', objectives: [15] },
				{ onRecord: false, text: 'Local governments should be resourced to provide services to all residents, regardless of migration status.', descriptors: [{ kind: 'category', value: 'local-authorities-and-communities' }], objectives: [15], isRecommendation: true },
				{ onRecord: false, text: 'Bilateral social security agreements should be concluded so that contributions follow migrant workers home.', objectives: [22], isRecommendation: true }
			],
			[
				{ onRecord: true, text: 'The average cost of sending remittances in the region has fallen but remains above the target of 3 per cent set in the 2030 Agenda.', objectives: [20] },
				{ onRecord: false, text: 'Digital remittance channels have lowered costs, but women migrant workers are less likely to have the identity documents needed to open accounts.', objectives: [20] },
				{ onRecord: false, text: 'Diaspora organizations are rarely consulted when development plans for communities of origin are prepared.', descriptors: [{ kind: 'category', value: 'migrant-and-diaspora-organizations' }], objectives: [19] },
				{ onRecord: false, text: 'Governments should recognize diaspora organizations as partners in national development planning.', objectives: [19], isRecommendation: true }
			],
			[
				{ onRecord: true, text: 'The contributions of participants would inform the regional review, and its next steps would be shared with everyone who took part.' }
			]
		]
	),
	thematic(
		'evidence-and-cooperation',
		'Strengthening evidence-based policymaking, public debate and cooperation',
		4,
		[1, 3, 7, 17, 23],
		'past',
		-63,
		50,
		'Data, information and evidence-based public debate',
		'Reducing vulnerabilities and strengthening international cooperation',
		[
			'Which data gaps most hinder migration policy in the region?',
			'How can public narratives on migration be grounded in evidence?'
		],
		[
			'How are vulnerabilities in migration identified and addressed?',
			'What forms of regional cooperation have worked best since the last review?'
		],
		[
			[{ onRecord: true, text: 'The regional review would take stock of progress in implementing the Global Compact and identify the gaps that remain.' }],
			[
				{ onRecord: true, text: 'Data disaggregated by sex, age and migration status are still missing in most national statistical systems of the region.', objectives: [1] },
				{ onRecord: false, text: 'Misinformation about migrants spreads quickly online, and newsrooms lack the resources to verify it.', descriptors: [{ kind: 'category', value: 'media' }], objectives: [17] },
				{ onRecord: false, text: 'Migrants themselves should take part in collecting and interpreting the data that concern them.', objectives: [1, 3], isRecommendation: true },
				{ onRecord: false, text: 'Pre-departure information is often provided too late, after fees have already been paid to intermediaries.', objectives: [3] }
			],
			[
				{ onRecord: true, text: 'Situations of vulnerability arise along the whole migration cycle, and responses must be gender-responsive and child-sensitive.', objectives: [7] },
				{ onRecord: false, text: 'Regional consultative processes have made progress on labour migration, but civil society is still not systematically included.', descriptors: [{ kind: 'category', value: 'civil-society' }], objectives: [23] },
				{ onRecord: false, text: 'Governments should establish national coordination mechanisms on migration that include stakeholders.', objectives: [23], isRecommendation: true }
			],
			[{ onRecord: true, text: 'Written inputs could still be submitted through the open call.' }]
		]
	),
	{
		slug: 'parliamentarians',
		title: 'Consultation with parliamentarians on the implementation of the Global Compact for Migration',
		theme: 'The role of parliaments in implementing the Global Compact for Migration in Asia and the Pacific',
		cluster: null,
		objectives: [5, 6, 7, 16, 17, 23],
		stage: 'past',
		daysFromToday: -14,
		capacity: 60,
		isOnePerOrganization: false,
		categoryFocus: 'parliamentarians',
		sessions: [
			{
				title: 'Opening remarks',
				minutes: 15,
				speakerRole: 'opening',
				speakers: 2,
				statements: [
					{ onRecord: true, text: 'Parliaments translate the commitments of the Global Compact into law, approve the budgets that fund them and hold governments to account for their implementation.' },
					{ onRecord: true, text: 'The consultation was held under the Chatham House Rule, and the summary report would be circulated to participants for comments before publication.' }
				]
			},
			{
				title: 'Session 1: Legislating for safe and regular migration pathways',
				minutes: 70,
				speakerRole: 'panelist',
				speakers: 3,
				questions: [
					'What legislation has your parliament adopted or reviewed to expand regular pathways for migration?',
					'How do parliaments oversee recruitment agencies and the costs borne by migrant workers?',
					'What obstacles have you met in aligning national law with the Global Compact?'
				],
				statements: [
					{ onRecord: true, text: 'Our parliament amended the overseas employment law to cap recruitment fees and to make recruiters jointly liable for contract violations abroad.', objectives: [6] },
					{ onRecord: true, text: 'Bilateral labour agreements should be tabled in parliament so that their protections can be scrutinized before they are signed.', objectives: [5, 6], isRecommendation: true },
					{ onRecord: true, text: 'Parliamentary committees on labour and on foreign affairs rarely work together on migration, which leaves gaps in oversight.', objectives: [23] },
					{ onRecord: false, text: 'Parliamentarians often lack reliable data on the number of nationals working abroad, which makes oversight difficult.', descriptors: [{ kind: 'category', value: 'parliamentarians' }], objectives: [1] },
					{ onRecord: false, text: 'Several participants called for model legislation on fair recruitment to be developed at the regional level.', objectives: [6], isRecommendation: true },
					{ onRecord: false, text: 'Seasonal worker schemes have opened regular pathways but tie workers to a single employer, which increases their vulnerability.', objectives: [5, 7] }
				]
			},
			{
				title: 'Session 2: Protecting the rights of migrants through parliamentary oversight',
				minutes: 70,
				speakerRole: 'panelist',
				speakers: 3,
				questions: [
					'How can parliaments ensure that migrants, regardless of status, have access to basic services?',
					'What role can parliaments play in countering discrimination and xenophobia?'
				],
				statements: [
					{ onRecord: true, text: 'Budget hearings are an opportunity to ask whether consular services for migrant workers are adequately funded.', objectives: [14] },
					{ onRecord: true, text: 'Parliamentarians have a responsibility to lead public debate on migration with facts rather than fear.', objectives: [17] },
					{ onRecord: false, text: 'Women migrant workers in domestic work remain outside the protection of labour laws in many countries of the region.', descriptors: [{ kind: 'category', value: 'parliamentarians' }], objectives: [6, 7] },
					{ onRecord: false, text: 'Parliaments should establish cross-party groups on migration to sustain attention beyond electoral cycles.', objectives: [23], isRecommendation: true },
					{ onRecord: false, text: 'Inter-parliamentary bodies should hold a regular regional dialogue on the implementation of the Compact.', objectives: [23], isRecommendation: true }
				]
			},
			{
				title: 'Session 3: Open discussion and recommendations for the regional review',
				minutes: 20,
				questions: ['What should the regional review recommend to parliaments in Asia and the Pacific?'],
				statements: [
					{ onRecord: false, text: 'Parliaments should be represented in national delegations to the regional review and the International Migration Review Forum.', objectives: [23], isRecommendation: true },
					{ onRecord: false, text: 'The Network should offer briefings to newly elected parliamentarians on the Global Compact.', isRecommendation: true }
				]
			},
			{
				title: 'Closing remarks',
				minutes: 5,
				speakerRole: 'closing',
				speakers: 1,
				statements: [{ onRecord: true, text: 'The draft summary report would be shared with participants for comments within two weeks.' }]
			}
		]
	},
	{
		// The earliest consultation of the process: its report is published in the demo, so that the
		// recommendations tracker and the follow-up log have something to show.
		slug: 'local-and-regional-authorities',
		title: 'Consultation with local and regional authorities on the Global Compact for Migration',
		theme: 'Cities and local governments as first responders to migration in Asia and the Pacific',
		cluster: null,
		objectives: [7, 15, 16, 19],
		stage: 'past',
		daysFromToday: -70,
		capacity: 40,
		isOnePerOrganization: true,
		categoryFocus: 'local-authorities-and-communities',
		sessions: [
			{
				title: 'Opening remarks',
				minutes: 10,
				speakerRole: 'opening',
				speakers: 1,
				statements: [{ onRecord: true, text: 'Local authorities deliver most of the services that migrants rely on in their first months.' }]
			},
			{
				title: 'Session 1: Services for all residents',
				minutes: 80,
				speakerRole: 'panelist',
				speakers: 2,
				questions: ['How do local authorities provide services to migrants regardless of status?', 'What prevents cities from including migrants in local planning?'],
				statements: [
					{ onRecord: true, text: 'Our city opened one-stop migrant resource centres in three districts, staffed by community interpreters.', objectives: [15] },
					{ onRecord: false, text: 'Municipal budgets are allocated on the basis of registered residents, so migrants who are not registered are left out of service planning.', descriptors: [{ kind: 'category', value: 'local-authorities-and-communities' }], objectives: [15, 16] },
					{ onRecord: false, text: 'National governments should allocate funding to local authorities on the basis of the whole resident population, including migrants.', objectives: [15], isRecommendation: true },
					{ onRecord: false, text: 'Local authorities should be included in the national coordination mechanisms on migration.', objectives: [16], isRecommendation: true }
				]
			},
			{
				title: 'Session 2: Social cohesion and inclusion',
				minutes: 80,
				speakerRole: 'panelist',
				speakers: 2,
				questions: ['What has worked to build trust between migrants and host communities?'],
				statements: [
					{ onRecord: true, text: 'Neighbourhood committees that include migrant residents have reduced tensions over housing and markets.', objectives: [16] },
					{ onRecord: false, text: 'Migrants in irregular situations avoid local offices because they fear their data will be shared with immigration enforcement.', objectives: [7, 15] },
					{ onRecord: false, text: 'The Network should support peer exchanges between cities of the region on the inclusion of migrants.', objectives: [16], isRecommendation: true }
				]
			},
			{
				title: 'Closing remarks',
				minutes: 10,
				speakerRole: 'closing',
				speakers: 1,
				statements: [{ onRecord: true, text: 'The summary report would be published after the comment period.' }]
			}
		]
	}
];
