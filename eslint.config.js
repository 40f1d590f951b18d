import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench-results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			// Deck content is untrusted: it is rendered as text, never as HTML.
			'svelte/no-at-html-tags': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			],
			// Plain hrefs are fine: the app has no base path.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Page and session classes keep plain Maps, Sets and Dates as private working data; what
		// the UI reads is exposed through explicit $state fields, so reactive collections would
		// only add cost.
		files: ['**/*.svelte.ts'],
		rules: { 'svelte/prefer-svelte-reactivity': 'off' }
	},
	{
		// Tests poke at raw stored records on purpose.
		files: ['**/*.test.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		// The layers point one way (docs/ARCHITECTURE.md): bank, srs and storage know nothing of Svelte or the app.
		files: ['src/lib/bank/**', 'src/lib/srs/**', 'src/lib/storage/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*'],
							message: 'This layer must not import Svelte or the app.'
						},
						{
							group: ['$lib/session/*', '$lib/components/*'],
							message: 'Imports point down the layers only.'
						}
					]
				}
			]
		}
	}
);
