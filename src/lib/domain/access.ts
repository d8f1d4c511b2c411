// Who may enter the staff area. Per-consultation rights (organizer, rapporteur) come with the
// roles-and-access issue; this is the coarse gate every staff page starts with.
import { STAFF_ROLES, type StaffRole } from './enums';

export function isStaff(role: string | null | undefined): role is StaffRole {
	return (STAFF_ROLES as readonly string[]).includes(role ?? '');
}
