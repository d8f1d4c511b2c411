// A fictional but realistic stakeholder network for the demo: deterministic (seeded PRNG), so every
// fresh install shows the same people. Names are drawn at random from pools of common given and
// family names and combined; no record describes a real person. Emails use example.org (RFC 2606).
import type { Gender } from '../../domain/enums';

export function createRandom(seed: number) {
	// mulberry32: small, fast, good enough for demo data.
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
		chance: (p: number) => next() < p,
		shuffle: <T>(items: readonly T[]): T[] => {
			const copy = [...items];
			for (let i = copy.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[copy[i], copy[j]] = [copy[j], copy[i]];
			}
			return copy;
		}
	};
}
export type Random = ReturnType<typeof createRandom>;

type NamePool = { women: string[]; men: string[]; family: string[]; adjective: string; familyFirst?: boolean };

// Demo countries: about 25, from all five ESCAP subregions.
export const DEMO_COUNTRIES: Record<string, NamePool> = {
	CN: { adjective: 'Chinese', familyFirst: true, women: ['Na', 'Fang', 'Min', 'Jing', 'Xiu'], men: ['Wei', 'Jun', 'Lei', 'Tao', 'Qiang'], family: ['Li', 'Wang', 'Zhang', 'Chen', 'Liu', 'Zhao'] },
	JP: { adjective: 'Japanese', women: ['Yui', 'Haruka', 'Aiko', 'Mei'], men: ['Hiroshi', 'Kenji', 'Takumi', 'Daiki'], family: ['Sato', 'Suzuki', 'Takahashi', 'Watanabe', 'Ito'] },
	KR: { adjective: 'Korean', women: ['Ji-woo', 'Seo-yeon', 'Min-ji', 'Ha-eun'], men: ['Min-jun', 'Seo-jun', 'Do-yun', 'Ji-ho'], family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung'] },
	MN: { adjective: 'Mongolian', women: ['Oyuun', 'Saraa', 'Enkhjin', 'Narantuya'], men: ['Bat-Erdene', 'Ganbold', 'Tuvshin', 'Batbayar'], family: ['Bold', 'Dorj', 'Gantulga', 'Sukh'] },
	TH: { adjective: 'Thai', women: ['Siriporn', 'Nattaya', 'Kanokwan', 'Pimchanok'], men: ['Somchai', 'Anan', 'Kittisak', 'Prasert'], family: ['Saetang', 'Wongsakul', 'Chaiyaporn', 'Srisuk', 'Boonmee'] },
	PH: { adjective: 'Filipino', women: ['Maria Clara', 'Joy', 'Liza', 'Kristine'], men: ['Jose Miguel', 'Ramon', 'Paolo', 'Jericho'], family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Dela Cruz', 'Villanueva'] },
	ID: { adjective: 'Indonesian', women: ['Siti', 'Dewi', 'Ayu', 'Rina'], men: ['Budi', 'Agus', 'Eko', 'Hendra'], family: ['Santoso', 'Wijaya', 'Saputra', 'Hidayat', 'Kusuma'] },
	VN: { adjective: 'Vietnamese', women: ['Lan', 'Huong', 'Mai', 'Thu'], men: ['Minh', 'Tuan', 'Hung', 'Quang'], family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang'] },
	MY: { adjective: 'Malaysian', women: ['Nurul', 'Aisyah', 'Mei Ling', 'Kavitha'], men: ['Ahmad', 'Hafiz', 'Wei Jie', 'Suresh'], family: ['Abdullah', 'Tan', 'Lim', 'Ismail', 'Raj'] },
	KH: { adjective: 'Cambodian', women: ['Sokha', 'Chanthou', 'Sreymom', 'Bopha'], men: ['Vannak', 'Sovann', 'Dara', 'Rithy'], family: ['Sok', 'Chea', 'Kim', 'Heng', 'Meas'] },
	IN: { adjective: 'Indian', women: ['Priya', 'Ananya', 'Lakshmi', 'Meera'], men: ['Rahul', 'Arjun', 'Vikram', 'Sanjay'], family: ['Sharma', 'Nair', 'Iyer', 'Das', 'Reddy', 'Singh'] },
	BD: { adjective: 'Bangladeshi', women: ['Nusrat', 'Farzana', 'Taslima', 'Sabina'], men: ['Rafiq', 'Kamal', 'Shahid', 'Tanvir'], family: ['Rahman', 'Hossain', 'Islam', 'Ahmed', 'Chowdhury'] },
	NP: { adjective: 'Nepali', women: ['Sita', 'Anjali', 'Sunita', 'Puja'], men: ['Ram', 'Bikash', 'Suman', 'Prakash'], family: ['Shrestha', 'Gurung', 'Tamang', 'Adhikari', 'Thapa'] },
	LK: { adjective: 'Sri Lankan', women: ['Nimali', 'Dilani', 'Tharushi', 'Kumari'], men: ['Kasun', 'Nuwan', 'Chaminda', 'Ruwan'], family: ['Perera', 'Fernando', 'Silva', 'Jayasinghe', 'Wickramasinghe'] },
	PK: { adjective: 'Pakistani', women: ['Ayesha', 'Sana', 'Hira', 'Mahnoor'], men: ['Imran', 'Bilal', 'Usman', 'Faisal'], family: ['Khan', 'Malik', 'Qureshi', 'Butt', 'Siddiqui'] },
	BT: { adjective: 'Bhutanese', women: ['Pema', 'Dechen', 'Sonam', 'Karma'], men: ['Tashi', 'Ugyen', 'Dorji', 'Kinley'], family: ['Wangmo', 'Choden', 'Tshering', 'Wangchuk', 'Zangmo'] },
	KZ: { adjective: 'Kazakh', women: ['Aigerim', 'Dana', 'Madina', 'Asel'], men: ['Nurlan', 'Arman', 'Yerlan', 'Daniyar'], family: ['Abenov', 'Nurpeisov', 'Seitkali', 'Zhaksybek'] },
	KG: { adjective: 'Kyrgyz', women: ['Aizada', 'Cholpon', 'Nurgul', 'Begaiym'], men: ['Azamat', 'Bakyt', 'Talant', 'Ulan'], family: ['Asanov', 'Toktogulov', 'Mamatov', 'Sydykov'] },
	TJ: { adjective: 'Tajik', women: ['Zarina', 'Malika', 'Nigina', 'Shahnoza'], men: ['Farrukh', 'Rustam', 'Jamshed', 'Firuz'], family: ['Rahimov', 'Saidov', 'Nazarov', 'Karimov'] },
	UZ: { adjective: 'Uzbek', women: ['Dilnoza', 'Gulnora', 'Feruza', 'Kamola'], men: ['Aziz', 'Sardor', 'Bekzod', 'Otabek'], family: ['Tashkentov', 'Yusupov', 'Ergashev', 'Alimov'] },
	FJ: { adjective: 'Fijian', women: ['Litia', 'Mere', 'Salote', 'Ana'], men: ['Josefa', 'Sitiveni', 'Tevita', 'Isikeli'], family: ['Naivalu', 'Tuilagi', 'Rokovada', 'Vunibola'] },
	WS: { adjective: 'Samoan', women: ['Sina', 'Losa', 'Fetu', 'Malia'], men: ['Tavita', 'Iosefa', 'Sione', 'Pita'], family: ['Leota', 'Faleolo', 'Tuimavave', 'Sapolu'] },
	PG: { adjective: 'Papua New Guinean', women: ['Grace', 'Rose', 'Esther', 'Ruth'], men: ['John', 'Peter', 'Michael', 'Joseph'], family: ['Kila', 'Wari', 'Nao', 'Tau', 'Kamu'] },
	AU: { adjective: 'Australian', women: ['Olivia', 'Charlotte', 'Emily', 'Chloe'], men: ['Jack', 'Liam', 'Noah', 'Thomas'], family: ['Smith', 'Jones', 'Williams', 'Brown', 'Taylor'] },
	NZ: { adjective: 'New Zealand', women: ['Aroha', 'Mia', 'Isla', 'Hana'], men: ['Nikau', 'Oliver', 'Tane', 'James'], family: ['Walker', 'Ngata', 'Harris', 'Parata', 'Clark'] }
};

export const DEMO_COUNTRY_CODES = Object.keys(DEMO_COUNTRIES);

// How many organizations of each stakeholder group (GCM para 44) the demo network holds: ~200.
export const ORGANIZATION_MIX: Record<string, number> = {
	migrants: 16,
	'civil-society': 40,
	'migrant-and-diaspora-organizations': 22,
	'faith-based-organizations': 10,
	'local-authorities-and-communities': 14,
	'private-sector': 14,
	'trade-unions': 20,
	parliamentarians: 20,
	'national-human-rights-institutions': 10,
	'red-cross-red-crescent-movement': 8,
	academia: 14,
	media: 8,
	'other-relevant-stakeholders': 6
};

const WORDS = ['Sunrise', 'Bridge', 'Harbour', 'Lotus', 'Mekong', 'Horizon', 'Pathways', 'Compass', 'Monsoon', 'Coral', 'Silk Road', 'Lantern', 'Kite', 'Banyan', 'Tide', 'Summit', 'Crossroads', 'Beacon'];

/** A fictional organization name for a stakeholder group and country. */
export function organizationName(random: Random, categoryId: string, countryName: string, adjective: string): string {
	const w = random.pick(WORDS);
	const templates: Record<string, string[]> = {
		migrants: [`${adjective} Migrant Workers Association`, `${w} Migrant Workers Collective`, `Domestic Workers United ${countryName}`],
		'civil-society': [`${w} Migrant Rights Network`, `${countryName} Coalition for Safe Migration`, `${w} Centre for Migrant Advocacy`, `${w} Legal Aid Initiative`, `${w} Women's Migration Forum`],
		'migrant-and-diaspora-organizations': [`${adjective} Diaspora Forum`, `${w} Returnee Migrants Association`, `${adjective} Diaspora Professionals Network`],
		'faith-based-organizations': [`${w} Interfaith Migrant Ministry`, `${w} Faith Communities for Migrants`],
		'local-authorities-and-communities': [`${w} City Council`, `${w} District Administration`, `League of ${w} Municipalities`],
		'private-sector': [`${w} Recruitment Services Ltd`, `${w} Manpower Agency`, `${w} Garments Co.`, `${w} Employers' Federation`],
		'trade-unions': [`${countryName} Federation of ${random.pick(['Construction', 'Domestic', 'Agricultural', 'Seafarers', 'Transport', 'Garment'])} Workers`, `${w} General Workers Union`],
		parliamentarians: [`Parliament of ${countryName}`],
		'national-human-rights-institutions': [`Human Rights Commission of ${countryName}`],
		'red-cross-red-crescent-movement': [`${countryName} ${random.pick(['Red Cross', 'Red Crescent'])} Society`],
		academia: [`${w} Institute for Migration Studies`, `University of ${w}, Centre for Mobility Research`, `${countryName} Institute of Labour Studies`],
		media: [`${w} Migrant Voices Radio`, `The ${w} Herald`, `${w} Media Collective`],
		'other-relevant-stakeholders': [`${w} Foundation`, `${w} Youth for Migration`, `${w} Philanthropy Network`]
	};
	return random.pick(templates[categoryId] ?? [`${w} Organization`]);
}

export function personName(random: Random, pool: NamePool, gender: Gender): string {
	const given = random.pick(gender === 'woman' ? pool.women : gender === 'man' ? pool.men : random.pick([pool.women, pool.men]));
	const family = random.pick(pool.family);
	return pool.familyFirst ? `${family} ${given}` : `${given} ${family}`;
}

/** Realistic mix for a network that pushes for gender balance: slightly more women than men. */
export function pickGender(random: Random): Gender {
	const r = random.next();
	if (r < 0.52) return 'woman';
	if (r < 0.95) return 'man';
	if (r < 0.97) return 'non-binary';
	if (r < 0.98) return 'self-described';
	return 'prefer-not-to-say';
}

export function emailFor(name: string, n: number): string {
	const local = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z]+/g, '.')
		.replace(/^\.|\.$/g, '');
	return `${local}.${n}@example.org`;
}
