import { describe, expect, it } from 'vitest';
import { ZConsultationForm, toConsultationValues } from './consultation-input';

const form = {
	title: 'Ensuring that migration is voluntary, regular, safe and orderly',
	slug: 'rt1-2027',
	timeZone: 'Asia/Bangkok',
	date: '2027-03-04',
	startTime: '11:00',
	endTime: '14:00',
	format: 'online',
	objectives: ['2', '5', '6', '12', '18'],
	registrationOpensDate: '2027-02-01',
	registrationClosesDate: '2027-02-28',
	registrationClosesTime: '24:00',
	isOnePerOrganization: true,
	isChathamHouse: true,
	status: 'draft',
	reviewObjectives: 'Take stock of progress\n\n Identify gaps '
};

describe('toConsultationValues', () => {
	it('turns wall-clock times in the consultation’s zone into instants, 24:00 being the end of the day', () => {
		const r = toConsultationValues(ZConsultationForm.parse(form));
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(r.values.startsAt.toISOString()).toBe('2027-03-04T04:00:00.000Z');
		expect(r.values.endsAt.toISOString()).toBe('2027-03-04T07:00:00.000Z');
		expect(r.values.registrationClosesAt?.toISOString()).toBe('2027-02-28T17:00:00.000Z');
		expect(r.values.registrationOpensAt?.toISOString()).toBe('2027-01-31T17:00:00.000Z');
		expect(r.values.objectiveNumbers).toEqual([2, 5, 6, 12, 18]);
		expect(r.values.reviewObjectives).toEqual(['Take stock of progress', 'Identify gaps']);
		expect(r.values.anonymityThreshold).toBe(3); // the default
	});
	it('takes k from 2 to 50 and refuses anything else', () => {
		expect(ZConsultationForm.parse({ ...form, anonymityThreshold: '5' }).anonymityThreshold).toBe(5);
		for (const bad of ['1', '51', 'three', '2.5']) {
			expect(ZConsultationForm.safeParse({ ...form, anonymityThreshold: bad }).error?.issues.map((i) => [i.path[0], i.message])).toEqual([['anonymityThreshold', 'anonymity-threshold']]);
		}
	});
	it.each([
		[{ endTime: '10:00' }, { endTime: 'end-before-start' }],
		[{ registrationClosesDate: '2027-03-05' }, { registrationClosesDate: 'closes-after-start' }],
		[{ registrationOpensDate: '2027-03-01' }, { registrationOpensDate: 'opens-after-closes' }]
	])('refuses %j', (override, errors) => {
		const r = toConsultationValues(ZConsultationForm.parse({ ...form, ...override }));
		expect(r).toEqual({ ok: false, errors });
	});
	it.each([
		[{ timeZone: 'Mars/Olympus' }, 'timeZone'],
		[{ slug: 'Has Spaces' }, 'slug'],
		[{ meetingLink: 'http://insecure.example' }, 'meetingLink'],
		[{ capacity: '-3' }, 'capacity'],
		[{ title: '' }, 'title']
	])('reports %j on its field', (override, field) => {
		const r = ZConsultationForm.safeParse({ ...form, ...override });
		expect(r.success).toBe(false);
		if (!r.success) expect(r.error.issues.map((i) => i.path[0])).toEqual([field]);
	});
});
