import { describe, expect, it } from 'vitest';
import { acceptedEncoding } from './accept-encoding';

describe('the compression a client accepts', () => {
	it('prefers brotli, falls back to gzip, and honours a weight of zero', () => {
		expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(acceptedEncoding('gzip, deflate')).toBe('gzip');
		expect(acceptedEncoding('br;q=0, gzip')).toBe('gzip');
		expect(acceptedEncoding('br;q=0, gzip;q=0')).toBeNull();
		expect(acceptedEncoding('identity')).toBeNull();
		expect(acceptedEncoding(null)).toBeNull();
		expect(acceptedEncoding('')).toBeNull();
	});

	it('reads "*" as any coding not named, and weights written loosely', () => {
		expect(acceptedEncoding('*')).toBe('br');
		expect(acceptedEncoding('br;q=0, *;q=0.5')).toBe('gzip');
		expect(acceptedEncoding('*;q=0')).toBeNull();
		expect(acceptedEncoding('GZIP;Q=0.8')).toBe('gzip');
		expect(acceptedEncoding('x-gzip')).toBe('gzip');
		expect(acceptedEncoding('br;q=abc, gzip')).toBe('gzip');
		expect(acceptedEncoding('brotli, gzipped')).toBeNull(); // a coding is a whole token
	});
});
