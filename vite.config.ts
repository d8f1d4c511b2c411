import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// url first (/fr/…), then the cookie set by the language switch, then English.
			strategy: ['url', 'cookie', 'baseLocale']
		}),
		sveltekit()
	]
});
