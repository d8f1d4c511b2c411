#!/usr/bin/env node
// The `convene` command. The CLI is TypeScript (src/cli/main.ts), run through tsx so that it shares
// the server's code without a separate build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.CONVENE_ROOT ??= root;
process.env.CONVENE_MIGRATIONS_DIR ??= path.join(root, 'drizzle');

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code !== null) process.exitCode = code;
