// Who is asking, for the rate limits. Behind a reverse proxy every request comes from the proxy:
// CONVENE_CLIENT_IP_HEADER names the header the proxy sets (e.g. x-forwarded-for, x-real-ip), and
// its last address is the one the proxy saw. Only set it behind a proxy that writes that header:
// otherwise a client could choose its own address.

interface RequestLike {
	request: Request;
	getClientAddress: () => string;
}

export function clientAddress(event: RequestLike, env: NodeJS.ProcessEnv = process.env): string {
	const header = env.CONVENE_CLIENT_IP_HEADER?.trim().toLowerCase();
	if (header) {
		const value = event.request.headers.get(header);
		const last = value?.split(',').at(-1)?.trim();
		if (last) return last.slice(0, 64);
	}
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
