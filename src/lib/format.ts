// Presentation helpers shared by pages: turn domain values into translated strings.
import { m } from '$lib/paraglide/messages';
import type { ConsultationFormat, UserRole } from '$lib/domain/enums';

export function formatLabel(format: ConsultationFormat | string): string {
	if (format === 'in-person') return m.format_in_person();
	if (format === 'hybrid') return m.format_hybrid();
	return m.format_online();
}

export function roleLabel(role: UserRole | string): string {
	switch (role) {
		case 'admin':
			return m.role_admin();
		case 'organizer':
			return m.role_organizer();
		case 'rapporteur':
			return m.role_rapporteur();
		default:
			return m.role_stakeholder();
	}
}
