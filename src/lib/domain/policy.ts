// Who may do what: the one place authorization rules live (STYLE.md). Every use-case starts by
// asking here. Staff rights are global (admin) or per consultation (organizer, rapporteur);
// stakeholders reach only their own data.
import type { ConsultationId, PersonId } from './ids';

export type Actor =
	| { kind: 'staff'; userId: string; role: 'admin' | 'organizer' | 'rapporteur'; organizerOf: ReadonlySet<ConsultationId>; rapporteurOf: ReadonlySet<ConsultationId> }
	| { kind: 'stakeholder'; userId: string; personId: PersonId }
	| { kind: 'system'; via: 'cli' } // someone with shell access to the server: the operator
	| { kind: 'anonymous' };

const isAdmin = (a: Actor) => a.kind === 'system' || (a.kind === 'staff' && a.role === 'admin');

export const policy = {
	/** Lists of people and organizations (names, affiliations, categories) — to build invitations. */
	canReadDirectory: (a: Actor) => isAdmin(a) || (a.kind === 'staff' && a.role === 'organizer'),
	/** Create, edit, import, merge. */
	canChangeDirectory: (a: Actor) => isAdmin(a),
	/** Files with personal data leave the system: admin only, audit-logged. */
	canExportPersonalData: (a: Actor) => isAdmin(a),
	canErasePerson: (a: Actor, personId: PersonId) => isAdmin(a) || (a.kind === 'stakeholder' && a.personId === personId),
	canReadPerson: (a: Actor, personId: PersonId) =>
		isAdmin(a) || (a.kind === 'staff' && a.role === 'organizer') || (a.kind === 'stakeholder' && a.personId === personId),
	/** The JSON copy of one's own data; staff read people through the directory instead. */
	canDownloadOwnData: (a: Actor, personId: PersonId) => a.kind === 'stakeholder' && a.personId === personId,
	canChangeRoles: (a: Actor) => isAdmin(a),
	canReadAuditLog: (a: Actor) => isAdmin(a),
	canReadOutbox: (a: Actor) => isAdmin(a),
	/** Publishing what the public sent in (practices, written inputs), and recording pledges and country commitments. */
	canModerate: (a: Actor) => isAdmin(a) || (a.kind === 'staff' && a.role === 'organizer'),
	/** A new consultation: admins and organizers (who then organize it); a rapporteur only takes notes. */
	canCreateConsultation: (a: Actor) => isAdmin(a) || (a.kind === 'staff' && a.role === 'organizer'),
	/** Assigning staff to a consultation: admins any role; its organizers may add a rapporteur. */
	canAssignStaff: (a: Actor, role: 'organizer' | 'rapporteur', consultationId: ConsultationId) => isAdmin(a) || (role === 'rapporteur' && a.kind === 'staff' && a.organizerOf.has(consultationId)),
	canOrganize: (a: Actor, consultationId: ConsultationId) => isAdmin(a) || (a.kind === 'staff' && a.organizerOf.has(consultationId)),
	/** Who said what (speaker identities of non-attributable statements): audit-logged. */
	canSeeSpeakers: (a: Actor, consultationId: ConsultationId) =>
		isAdmin(a) || (a.kind === 'staff' && (a.organizerOf.has(consultationId) || a.rapporteurOf.has(consultationId))),
	/** Publishing past a blocking privacy finding, with a written reason (audit-logged). */
	canOverridePrivacy: (a: Actor) => isAdmin(a),
	canTakeNotes: (a: Actor, consultationId: ConsultationId) =>
		isAdmin(a) || (a.kind === 'staff' && (a.organizerOf.has(consultationId) || a.rapporteurOf.has(consultationId)))
} as const;

export type Forbidden = { ok: false; reason: 'forbidden' };
export const FORBIDDEN: Forbidden = { ok: false, reason: 'forbidden' };
export type NotFound = { ok: false; reason: 'not-found' };
export const NOT_FOUND: NotFound = { ok: false, reason: 'not-found' };
