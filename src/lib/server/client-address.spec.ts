import { describe, expect, it } from 'vitest';
import { clientAddress, network } from './client-address';

const event = (headers: Record<string, string>, socket = '192.0.2.7') => ({ request: new Request('http://x/', { headers }), getClientAddress: () => socket });

describe('the client a rate limit counts', () => {
	it('is the socket address unless a trusted proxy header is configured, then its last hop', () => {
		expect(clientAddress(event({ 'x-forwarded-for': '203.0.113.5' }), {})).toBe('192.0.2.7');
		expect(clientAddress(event({ 'x-forwarded-for': '203.0.113.5, 198.51.100.9' }), { CONVENE_CLIENT_IP_HEADER: 'X-Forwarded-For' })).toBe('198.51.100.9');
		expect(clientAddress(event({}), { CONVENE_CLIENT_IP_HEADER: 'x-forwarded-for' })).toBe('192.0.2.7');
	});

	it('counts an IPv6 client by its /64 network, whose addresses it may change at will', () => {
		expect(network('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd:12::/64');
		expect(network('2001:db8:abcd:0012:ffff::1')).toBe('2001:db8:abcd:12::/64');
		expect(network('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(network('::ffff:198.51.100.9')).toBe('198.51.100.9');
		expect(network('198.51.100.9')).toBe('198.51.100.9');
		expect(clientAddress(event({}, '2001:db8:abcd:12::99'), {})).toBe(clientAddress(event({}, '2001:db8:abcd:12:ffff::1'), {}));
	});
});
