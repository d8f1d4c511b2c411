// A zip (XLSX, DOCX) opened under limits: its entries are decompressed for real and counted, not
// trusted by what their headers claim, so a zip bomb is refused after reading at most the limit.
// Decompression runs on the thread pool. The parts a reader asks for are kept, the others counted.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import unzipper from 'unzipper';

export interface ZipLimits {
	/** Everything inside the zip, decompressed. */
	unzippedBytes: number;
	/** One part, decompressed. */
	partBytes: number;
	zipEntries: number;
}

export type ZipProblem =
	| { problem: 'not-a-zip' }
	| { problem: 'too-many-parts'; limit: number }
	| { problem: 'unzips-too-large'; limitMb: number }
	| { problem: 'part-too-large'; part: string; limitMb: number }
	| { problem: 'corrupt'; detail: string };

export class ZipRefusedError extends Error {
	constructor(readonly refusal: ZipProblem) {
		super(refusal.problem);
	}
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * How many entries the zip's end record declares (the ZIP64 record when there is one), read before
 * any zip library sees the file: a 734-byte file claiming 100 million entries made unzipper build
 * an array that long and run out of memory. Null when there is no end record (not a zip).
 */
export function declaredEntries(data: Uint8Array): number | null {
	const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
	const lowest = Math.max(0, buf.length - 22 - 0xffff);
	// Every end record whose comment runs exactly to the end of the file counts (a fake one can hide
	// in the real one's comment, and zip libraries differ in which they read): the largest claim wins.
	let declared: number | null = null;
	for (let at = buf.length - 22; at >= lowest; at--) {
		if (buf.readUInt32LE(at) !== 0x06054b50 || at + 22 + buf.readUInt16LE(at + 20) !== buf.length) continue;
		declared = Math.max(declared ?? 0, entriesAt(buf, at));
	}
	return declared;
}

function entriesAt(buf: Buffer, at: number): number {
	const entries = buf.readUInt16LE(at + 10);
	const isZip64 = entries === 0xffff || buf.readUInt32LE(at + 12) === 0xffffffff || buf.readUInt32LE(at + 16) === 0xffffffff;
	if (!isZip64) return entries;
	const locator = at - 20;
	if (locator < 0 || buf.readUInt32LE(locator) !== 0x07064b50) return entries;
	const record = Number(buf.readBigUInt64LE(locator + 8));
	if (record < 0 || record + 56 > buf.length || buf.readUInt32LE(record) !== 0x06064b50) return Number.MAX_SAFE_INTEGER;
	const total = buf.readBigUInt64LE(record + 32);
	return total > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(total);
}

/** The parts `keep` names, decompressed; every other part is decompressed only to be counted. */
export async function unzipBounded(data: Uint8Array, limits: ZipLimits, keep: (path: string) => boolean = () => false): Promise<Map<string, Buffer>> {
	const declared = declaredEntries(data);
	if (declared === null) throw new ZipRefusedError({ problem: 'not-a-zip' });
	// Each entry takes at least 46 bytes of central directory: more than the file can hold is a lie.
	if (declared > limits.zipEntries || declared * 46 > data.byteLength) throw new ZipRefusedError({ problem: 'too-many-parts', limit: limits.zipEntries });
	let directory: Awaited<ReturnType<typeof unzipper.Open.buffer>>;
	try {
		directory = await unzipper.Open.buffer(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
	} catch {
		throw new ZipRefusedError({ problem: 'not-a-zip' });
	}
	if (directory.files.length > limits.zipEntries) throw new ZipRefusedError({ problem: 'too-many-parts', limit: limits.zipEntries });
	const limit = limits.unzippedBytes;
	const bomb = () => new ZipRefusedError({ problem: 'unzips-too-large', limitMb: mb(limit) });
	if (directory.files.reduce((sum, f) => sum + (f.uncompressedSize ?? 0), 0) > limit) throw bomb();
	const kept = new Map<string, Buffer>();
	let total = 0;
	for (const file of directory.files) {
		if (file.type !== 'File') continue;
		let part = 0;
		const chunks: Buffer[] = [];
		const isKept = keep(file.path);
		const counter = new Writable({
			write(chunk: Buffer, _encoding, done) {
				total += chunk.length;
				part += chunk.length;
				if (part > limits.partBytes) return done(new ZipRefusedError({ problem: 'part-too-large', part: file.path, limitMb: mb(limits.partBytes) }));
				if (isKept) chunks.push(chunk);
				done(total > limit ? bomb() : null);
			}
		});
		try {
			await pipeline(file.stream(), counter);
		} catch (error) {
			if (error instanceof ZipRefusedError) throw error;
			throw new ZipRefusedError({ problem: 'corrupt', detail: (error as Error).message });
		}
		if (isKept) kept.set(file.path, Buffer.concat(chunks));
	}
	return kept;
}
