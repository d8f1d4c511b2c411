// Which compression a client accepts (RFC 9110 §12.5.3): "br;q=0" refuses brotli, "*" stands for
// any coding not named, and a coding is accepted when its weight is above zero. Brotli is preferred
// over gzip whatever the weights (it is smaller and both are cheap here).
export type Encoding = 'br' | 'gzip';

export function acceptedEncoding(header: string | null): Encoding | null {
	const weights = new Map<string, number>();
	for (const part of (header ?? '').toLowerCase().split(',').slice(0, 32)) {
		const [coding, ...params] = part.split(';').map((s) => s.trim());
		if (!coding) continue;
		const q = params.find((p) => p.startsWith('q='));
		const weight = q === undefined ? 1 : Number(q.slice(2));
		weights.set(coding, Number.isFinite(weight) ? weight : 0);
	}
	const accepts = (coding: Encoding) => (weights.get(coding) ?? (coding === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0) > 0;
	return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}
