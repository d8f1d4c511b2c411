// Loads reference/*.json into the framework and geography tables. Idempotent (upserts), so it runs
// at every start and a corrected reference file reaches existing databases; the files' hash is kept
// in app_setting, so that a start with unchanged files skips the writes (a CLI command starts sooner).
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import gcm from '../../../../reference/gcm.json';
import escap from '../../../../reference/escap.json';
import { escapRows, gcmRows } from '../../domain/reference';
import type { Executor } from '../db';
import { appSetting, country, framework, guidingPrinciple, objective, stakeholderCategory, subregion } from '../db/schema';

const HASH_KEY = 'reference_data_hash';
const hash = createHash('sha256').update(JSON.stringify([gcm, escap])).digest('hex');

/** `excluded.<column>` for every column but the key, for `on conflict do update`. */
function excludedAll(columns: string[]) {
	return Object.fromEntries(columns.map((c) => [c, sql.raw(`excluded.${c}`)]));
}

export async function loadReferenceData(db: Executor): Promise<void> {
	const [loaded] = await db.select({ value: appSetting.value }).from(appSetting).where(eq(appSetting.key, HASH_KEY));
	if (loaded?.value === hash) return;
	const g = gcmRows(gcm);
	const e = escapRows(escap);
	await db.transaction(async (tx) => {
		await tx
			.insert(framework)
			.values(g.framework)
			.onConflictDoUpdate({ target: framework.id, set: excludedAll(['name', 'short_name', 'source']) });
		await tx
			.insert(objective)
			.values(g.objectives)
			.onConflictDoUpdate({ target: objective.id, set: excludedAll(['title', 'short_title', 'cluster']) });
		await tx
			.insert(guidingPrinciple)
			.values(g.principles)
			.onConflictDoUpdate({ target: guidingPrinciple.id, set: excludedAll(['letter', 'name']) });
		await tx
			.insert(stakeholderCategory)
			.values(g.categories)
			.onConflictDoUpdate({ target: stakeholderCategory.id, set: excludedAll(['label', 'position']) });
		await tx
			.insert(subregion)
			.values(e.subregions)
			.onConflictDoUpdate({ target: subregion.id, set: excludedAll(['name', 'position']) });
		await tx.insert(country).values(e.countries).onConflictDoUpdate({
			target: country.code,
			set: excludedAll(['name', 'subregion_id', 'is_escap_member', 'is_associate_member'])
		});
		await tx.insert(appSetting).values({ key: HASH_KEY, value: hash }).onConflictDoUpdate({ target: appSetting.key, set: { value: hash, updatedAt: new Date() } });
	});
}
