// See https://svelte.dev/docs/kit/types#app.d.ts
import type { UserRole } from '$lib/domain/enums';

declare global {
	namespace App {
		interface Locals {
			locale: 'en' | 'fr';
			user: { id: string; name: string; email: string; role: UserRole | string } | null;
		}
	}
}

export {};
