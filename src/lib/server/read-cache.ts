// What public pages read from the database, kept in memory until it changes. Every write to a table a
// cached read depends on fires a trigger (migration 0011) that sends NOTIFY convene_change with the
// table's name, delivered at commit to every Convene process on the database; each process then drops
// the entries that read that table. While a process is not listening (PostgreSQL connection lost,
// not started yet) nothing is cached, so a missed notification can never leave a page stale.
import type { DatabaseHandle } from './db';

export const CHANGE_CHANNEL = 'convene_change';

/**
 * The tables no cached read may depend on, and which therefore carry no change trigger: they change
 * on every registration, sign-in, mail or request, and no public page shows them. A test checks that
 * every other table has the trigger and that every cached read touches tracked tables only.
 */
export const UNTRACKED_TABLES = [
	'auth_user',
	'auth_session',
	'auth_account',
	'auth_verification',
	'registration',
	'selection_run',
	'selection_probability',
	'attendance',
	'audit_log',
	'outbox_message',
	'app_setting',
	'import_upload',
	'handover_request',
	'invitation',
	'privacy_check',
	'rate_limit',
	'comment'
] as const;

interface Entry {
	value: unknown;
	tables: readonly string[];
	storedAt: number;
}

export interface ReadCacheOptions {
	/** Entries kept at most (the oldest go first): a flood of made-up addresses cannot grow it. */
	maxEntries?: number;
	/** An entry older than this is read again even without a change (a safety net, not the rule). */
	maxAgeMs?: number;
	now?: () => number;
}

export class ReadCache {
	private readonly entries = new Map<string, Entry>();
	private listening = false;
	/** Bumped on every loss and on a change of anything: a read that overlapped one is not kept. */
	private epoch = 0;
	/** Bumped on every change of one table: a read that overlapped a change of a table it reads is not kept. */
	private readonly tableEpochs = new Map<string, number>();
	private readonly maxEntries: number;
	private readonly maxAgeMs: number;
	private readonly now: () => number;

	constructor(options: ReadCacheOptions = {}) {
		this.maxEntries = options.maxEntries ?? 1000;
		this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
		this.now = options.now ?? Date.now;
	}

	/**
	 * The value of `read` for `key`, from memory when no table in `tables` changed since it was read.
	 * `tables` must name every table `read` touches. The value is shared between requests: callers
	 * must not change it (it is frozen, one level deep).
	 */
	async get<T>(key: string, tables: readonly string[], read: () => Promise<T>): Promise<T> {
		if (!this.listening) return read();
		const entry = this.entries.get(key);
		if (entry && this.now() - entry.storedAt < this.maxAgeMs) return entry.value as T;
		// Changes to other tables do not matter: under a flood of registrations (each adding a person)
		// the list of countries is still kept.
		const epoch = this.epochOf(tables);
		const value = await read();
		// Nothing found is not kept: addresses that lead nowhere cannot push out what pages show.
		if (this.listening && epoch === this.epochOf(tables) && value !== null && value !== undefined) {
			this.entries.delete(key);
			if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
			this.entries.set(key, { value: freeze(value), tables, storedAt: this.now() });
		}
		return value;
	}

	private epochOf(tables: readonly string[]): number {
		let sum = this.epoch;
		for (const table of tables) sum += this.tableEpochs.get(table) ?? 0;
		return sum;
	}

	/** A NOTIFY arrived: `table` changed (an empty payload means anything may have). */
	changed(table: string): void {
		if (table) this.tableEpochs.set(table, (this.tableEpochs.get(table) ?? 0) + 1);
		else this.epoch++;
		for (const [key, entry] of this.entries) {
			if (!table || entry.tables.includes(table)) this.entries.delete(key);
		}
	}

	/** Listening (again): whatever was kept may have changed meanwhile. */
	started(): void {
		this.entries.clear();
		this.epoch++;
		this.listening = true;
	}

	/** Notifications may be missed from now on: keep nothing until listening again. */
	lost(): void {
		this.listening = false;
		this.entries.clear();
		this.epoch++;
	}

	get size(): number {
		return this.entries.size;
	}
}

function freeze<T>(value: T): T {
	if (Array.isArray(value)) value.forEach((v) => typeof v === 'object' && v !== null && Object.freeze(v));
	return typeof value === 'object' && value !== null ? Object.freeze(value) : value;
}

/** A cache that listens for changes on `handle`'s database; `stop` ends the listening. */
export async function openReadCache(handle: DatabaseHandle, options: ReadCacheOptions = {}): Promise<{ cache: ReadCache; stop: () => Promise<void> }> {
	const cache = new ReadCache(options);
	const stop = await handle.listen(CHANGE_CHANNEL, {
		onNotify: (table) => cache.changed(table),
		onListening: () => cache.started(),
		onLost: () => cache.lost()
	});
	return {
		cache,
		stop: async () => {
			cache.lost();
			await stop();
		}
	};
}
