// See https://svelte.dev/docs/kit/types#app.d.ts
import type { UserRole } from '$lib/domain/enums';
import type { Actor } from '$lib/domain/policy';
import type { Locale } from '$lib/paraglide/runtime';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			user: { id: string; name: string; email: string; role: UserRole | string } | null;
			/** What the use-cases authorize: staff with their assignments, a stakeholder, or nobody. */
			actor: Actor;
		}
	}
}

export {};
