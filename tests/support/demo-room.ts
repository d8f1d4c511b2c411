// Prints, as JSON, everyone each demo consultation protects (the one definition: registrants in any
// state, attendees, non-attributable speakers; on-record speakers marked) and its organizing team, from a
// freshly seeded demo database (the demo is generated deterministically). Used by the privacy
// crawler journey: run with `node --import tsx tests/support/demo-room.ts`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { prepareDatabase } from '../../src/lib/server/startup';
import { protectionOf } from '../../src/lib/server/queries/protected';
import { eq } from 'drizzle-orm';
import { consultation, organization, organizingTeamMember } from '../../src/lib/server/db/schema';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-demo-room-'));
const handle = await openDatabase({ driver: 'pglite', dataDir });
try {
	await prepareDatabase(handle, { isDemoSeededWhenEmpty: true, env: { CONVENE_ADMIN_PASSWORD: 'demo-room-password' } });
	const consultations = await handle.db.select({ id: consultation.id, slug: consultation.slug }).from(consultation);
	const out = [];
	for (const c of consultations) {
		const room = (await protectionOf(handle.db, { consultationId: c.id })).people.filter((a) => a.name);
		const team = await handle.db
			.select({ name: organization.name })
			.from(organizingTeamMember)
			.innerJoin(organization, eq(organization.id, organizingTeamMember.organizationId))
			.where(eq(organizingTeamMember.consultationId, c.id));
		out.push({ slug: c.slug, organizingTeam: team.map((t) => t.name), attendees: room.map((a) => ({ name: a.name, email: a.email, organization: a.organization, organizationAliases: a.organizationAliases, attribution: a.attribution })) });
	}
	process.stdout.write(JSON.stringify(out));
} finally {
	await handle.close();
	fs.rmSync(dataDir, { recursive: true, force: true });
}
