import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');
export default defineConfig(
	includeIgnoreFile(gitignorePath),
	{ ignores: ['drizzle/', 'src/lib/paraglide/'] },
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint strongly recommend that you do not use the no-undef lint rule on TypeScript projects.
			// see: https://typescript-eslint.io/troubleshooting/faqs/eslint/#i-get-errors-from-the-no-undef-rule-about-global-variables-not-being-defined-even-though-there-are-no-typescript-errors
			"no-undef": 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	},
	{
		rules: {
			// Links go through Paraglide's localizeHref (which keeps /fr/…), not $app/paths resolve().
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	// The layers (ARCHITECTURE.md): the domain is pure; queries never reach up into use-cases;
	// routes read and write through queries and use-cases, never tables: a route that imports a
	// table or drizzle-orm fails the lint.
	{
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [
				{ group: ['$lib/server', '$lib/server/*', '**/server/**', '../server/*'], message: 'The domain is pure: no server code.' },
				{ group: ['drizzle-orm', 'drizzle-orm/*'], message: 'The domain is pure: no database.' },
				{ group: ['node:*'], message: 'The domain is pure: no Node APIs (pass what it needs in).' },
				{ group: ['$app/*', '$env/*'], message: 'The domain is pure: no SvelteKit runtime.' }
			] }]
		}
	},
	{
		files: ['src/lib/server/queries/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: ['**/use-cases/*', '$lib/server/use-cases/*'], message: 'Queries never import use-cases (use-cases import queries).' }] }]
		}
	},
	{
		files: ['src/routes/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [
				{ group: ['$lib/server/db/schema', '**/db/schema'], message: 'Routes read through queries/ and write through use-cases/, never tables.' },
				{ group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Routes read through queries/ and write through use-cases/, never drizzle-orm.' }
			] }]
		}
	},
	// The rest of the server reads through queries/ and writes through use-cases/ too. The modules
	// listed here own a table of their own or stand before the layers: the auth library's adapter,
	// the rate limiter's counters, the mail outbox, the privacy gate's stored checks, the backup,
	// start-up (the first administrator), and the reference and demo data loaders.
	{
		files: ['src/lib/server/**/*.ts', 'src/cli/**/*.ts'],
		ignores: [
			'**/*.spec.ts',
			'src/lib/server/queries/**',
			'src/lib/server/use-cases/**',
			'src/lib/server/db/**',
			'src/lib/server/auth.ts',
			'src/lib/server/limits.ts',
			'src/lib/server/mail.ts',
			'src/lib/server/privacy/gate.ts',
			'src/lib/server/backup.ts',
			'src/lib/server/startup.ts',
			'src/lib/server/reference/**',
			'src/lib/server/demo/**'
		],
		rules: {
			'no-restricted-imports': ['error', { patterns: [
				{ group: ['$lib/server/db/schema', '**/db/schema', './db/schema'], message: 'Tables are read in queries/ and written in use-cases/.' },
				{ group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Tables are read in queries/ and written in use-cases/, never with drizzle-orm elsewhere.' }
			] }]
		}
	}
);
