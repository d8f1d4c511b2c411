// Who is asking, for the rate limits. Behind a reverse proxy every request comes from the proxy:
// CONVENE_CLIENT_IP_HEADER names the header the proxy sets (e.g. x-forwarded-for, x-real-ip), and
// its last address is the one the proxy saw. Only set it behind a proxy that writes that header:
// otherwise a client could choose its own address.

import { isIPv6 } from 'node:net';

interface RequestLike {
	request: Request;
	getClientAddress: () => string;
}

export function clientAddress(event: RequestLike, env: NodeJS.ProcessEnv = process.env): string {
	const header = env.CONVENE_CLIENT_IP_HEADER?.trim().toLowerCase();
	if (header) {
		const value = event.request.headers.get(header);
		const last = value?.split(',').at(-1)?.trim();
		if (last) return network(last.slice(0, 64));
	}
	try {
		return network(event.getClientAddress());
	} catch {
		return 'unknown';
	}
}

/**
 * The key a client is counted under: an IPv4 address as it is, an IPv6 address by its /64 (one
 * home or office network, whose devices may pick any address in it at will).
 */
export function network(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped) return mapped[1];
	if (!isIPv6(address)) return address;
	const [head, tail = ''] = address.toLowerCase().split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
	return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
