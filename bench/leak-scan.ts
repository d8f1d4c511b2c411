// Benchmark: the whole privacy check (leak scan and speaker descriptors, checkText) on 1 MB of
// adversarial text beside 1 MB of report-like prose, against 500 fictional protected people.
// Prints the median and worst of several runs per input; asserts nothing.
// Run: npx tsx bench/leak-scan.ts [megabytes] [runs]
import { checkText, type PrivacyAttendee } from '../src/lib/domain/privacy/check';

const megabytes = Number(process.argv[2] ?? 1);
const runs = Number(process.argv[3] ?? 5);
const size = Math.round(megabytes * 1_000_000);

const GIVEN = ['Grace', 'Luis', 'Ji-woo', 'Aroha', 'Tavita', 'Nguyễn Thị', 'Айгерим', 'Rahul', 'Siti', 'Mele'];
const FAMILY = ['Okonjo', 'Mendoza', 'Park', 'Leota', 'Ánh', 'Сапарова', 'Sharma', 'Rahman', 'Fifita', 'Tuilagi'];
const CATEGORIES = ['migrants', 'trade-unions', 'parliamentarians', 'local-authorities', 'academia'];
const people: PrivacyAttendee[] = Array.from({ length: 500 }, (_, i) => ({
	name: `${GIVEN[i % 10]} ${FAMILY[Math.floor(i / 10) % 10]}${i >= 100 ? ` ${String.fromCharCode(65 + (i % 26))}${i}` : ''}`,
	email: `person${i}@example.org`,
	organization: `Fictional Association ${i}`,
	organizationAliases: [`FA${i}`],
	attribution: i % 25 === 0 ? 'on-record' : 'non-attributable',
	country: ['TH', 'PH', 'NP', 'FJ', 'KZ'][i % 5],
	category: CATEGORIES[i % 5],
	gender: i % 2 ? 'woman' : 'man'
}));

const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const inputs: [string, string][] = [
	['prose (report paragraphs)', fill('A participant from Thailand said that recruitment fees remain high and that she had seen workers lose a year of wages. Another participant, a trade unionist, called for portable social protection. The moderator thanked the speakers and opened the floor.\n\n')],
	['"a@" repeated', fill('a@')],
	['digits only', fill('0123456789')],
	['digits and separators', fill('1 2-3.(4) ')],
	['one long token', fill('x')],
	['long tokens and @', fill(`${'y'.repeat(5000)}@`)],
	['"a participant" repeated, one passage', fill('a participant from Nepal said she ')],
	['protected first names repeated', fill('Grace Luis Ji-woo Aroha Tavita ')],
	['punctuation only', fill('.,;:!?()-—"\' ')]
];

function time(text: string): number {
	const started = performance.now();
	checkText(text, people, 3);
	return performance.now() - started;
}

console.log(`checkText on ${(size / 1e6).toFixed(1)} MB, ${people.length} protected people, ${runs} runs each (Node ${process.version})`);
console.log('| input | median ms | max ms |');
console.log('|---|---|---|');
for (const [label, text] of inputs) {
	time(text.slice(0, 10_000)); // warm up
	const times = Array.from({ length: runs }, () => time(text)).sort((a, b) => a - b);
	console.log(`| ${label} | ${times[Math.floor(runs / 2)].toFixed(0)} | ${times[runs - 1].toFixed(0)} |`);
}
