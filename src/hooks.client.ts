import type { ClientInit } from '@sveltejs/kit';
import { watchTypedInput } from '$lib/client/keep-typed-input';

// Runs before the server-rendered page is hydrated: remember what the person types meanwhile
// (the root layout puts it back once hydrated).
export const init: ClientInit = () => {
	watchTypedInput();
};
