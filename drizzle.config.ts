import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` uses this file: it writes SQL migrations to ./drizzle, which are
// committed and applied at start-up by src/lib/server/db/migrate.ts on PGlite and PostgreSQL alike.
export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dialect: 'postgresql'
});
