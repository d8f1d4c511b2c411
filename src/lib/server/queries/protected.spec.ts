import { describe, expect, it } from 'vitest';
import { nameOfDisplayName } from './protected';

describe('the name in a videoconference display name (unmatched attendees are protected by it)', () => {
	it.each([
		['Grace Okonjo (UNDP)', 'Grace Okonjo'],
		['Grace Okonjo [she/her]', 'Grace Okonjo'],
		['Grace Okonjo - IOM', 'Grace Okonjo'],
		['Dr. Grace Okonjo, Ministry of Labour', 'Dr. Grace Okonjo'],
		['Grace Okonjo | Fictional Union', 'Grace Okonjo'],
		['  Luis   Mendoza ', 'Luis Mendoza']
	])('reads "%s" as "%s"', (display, name) => {
		expect(nameOfDisplayName(display)).toBe(name);
	});
	it.each(['Participant', 'iPhone', 'Guest', 'Conference Room', 'Samsung Galaxy', '(1) 123'])('finds no name in "%s"', (display) => {
		expect(nameOfDisplayName(display)).toBeNull();
	});
});
