import { describe, expect, it } from 'vitest';
import { policy, type Actor } from './policy';
import type { ConsultationId, PersonId } from './ids';

// Ids are opaque to the rules: short names keep the table readable.
const [c1, c2] = ['c1', 'c2'] as ConsultationId[];
const [p1, p2] = ['p1', 'p2'] as PersonId[];

const staff = (role: 'admin' | 'organizer' | 'rapporteur', organizerOf: ConsultationId[] = [], rapporteurOf: ConsultationId[] = []): Actor => ({
	kind: 'staff',
	userId: `u-${role}`,
	role,
	organizerOf: new Set(organizerOf),
	rapporteurOf: new Set(rapporteurOf)
});
const admin = staff('admin');
const organizer = staff('organizer', [c1]);
const rapporteur = staff('rapporteur', [], [c1]);
const stakeholder: Actor = { kind: 'stakeholder', userId: 'u-s', personId: p1 };
const anonymous: Actor = { kind: 'anonymous' };
const cli: Actor = { kind: 'system', via: 'cli' };

describe('policy', () => {
	it.each([
		['admin', admin, { read: true, change: true, export: true, audit: true, roles: true }],
		['the CLI operator', cli, { read: true, change: true, export: true, audit: true, roles: true }],
		['an organizer', organizer, { read: true, change: false, export: false, audit: false, roles: false }],
		['a rapporteur', rapporteur, { read: false, change: false, export: false, audit: false, roles: false }],
		['a stakeholder', stakeholder, { read: false, change: false, export: false, audit: false, roles: false }],
		['an anonymous visitor', anonymous, { read: false, change: false, export: false, audit: false, roles: false }]
	])('directory rights of %s', (_who, actor, expected) => {
		expect({
			read: policy.canReadDirectory(actor),
			change: policy.canChangeDirectory(actor),
			export: policy.canExportPersonalData(actor),
			audit: policy.canReadAuditLog(actor),
			roles: policy.canChangeRoles(actor)
		}).toEqual(expected);
	});

	it('lets admins and organizers create consultations, never a rapporteur or a stakeholder', () => {
		expect([admin, organizer, rapporteur, stakeholder, anonymous, cli].map(policy.canCreateConsultation)).toEqual([true, true, false, false, false, true]);
	});
	it('lets an organizer assign rapporteurs to their own consultation only; admins assign anyone', () => {
		expect(policy.canAssignStaff(organizer, 'rapporteur', c1)).toBe(true);
		expect(policy.canAssignStaff(organizer, 'rapporteur', c2)).toBe(false);
		expect(policy.canAssignStaff(organizer, 'organizer', c1)).toBe(false);
		expect(policy.canAssignStaff(rapporteur, 'rapporteur', c1)).toBe(false);
		expect(policy.canAssignStaff(admin, 'organizer', c2)).toBe(true);
	});
	it('lets organizers organize only their own consultations', () => {
		expect(policy.canOrganize(organizer, c1)).toBe(true);
		expect(policy.canOrganize(organizer, c2)).toBe(false);
		expect(policy.canOrganize(rapporteur, c1)).toBe(false);
	});

	it('shows who said what only to the consultation’s organizers and rapporteurs (and admins)', () => {
		expect(policy.canSeeSpeakers(rapporteur, c1)).toBe(true);
		expect(policy.canSeeSpeakers(rapporteur, c2)).toBe(false);
		expect(policy.canSeeSpeakers(stakeholder, c1)).toBe(false);
		expect(policy.canSeeSpeakers(admin, c2)).toBe(true);
	});

	it('lets a stakeholder read and erase only their own record', () => {
		expect(policy.canReadPerson(stakeholder, p1)).toBe(true);
		expect(policy.canReadPerson(stakeholder, p2)).toBe(false);
		expect(policy.canErasePerson(stakeholder, p1)).toBe(true);
		expect(policy.canErasePerson(stakeholder, p2)).toBe(false);
		expect(policy.canErasePerson(organizer, p1)).toBe(false);
	});
});
