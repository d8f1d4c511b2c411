import { describe, expect, it } from 'vitest';
import { linksAt } from './links';

describe('the addresses emails link to', () => {
	const links = linksAt('https://convene.example');
	it('builds every link from the one origin', () => {
		expect(links.consultation('gcm-pacific')).toBe('https://convene.example/consultations/gcm-pacific');
		expect(links.handover('t0k')).toBe('https://convene.example/handover/t0k');
		expect(links.unsubscribe('u1')).toBe('https://convene.example/unsubscribe/u1');
		expect(links.decision).toEqual({ page: links.consultation, signIn: 'https://convene.example/sign-in' });
	});
	it('leads a sign-in back to the page asked for, escaped', () => {
		expect(links.signInTo('/me/reports/abc?x=1&y=2')).toBe('https://convene.example/sign-in?next=%2Fme%2Freports%2Fabc%3Fx%3D1%26y%3D2');
	});
});
