import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layering from './eslint-rules/layering.mjs';

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', '.cache/**', '.preview-data/**', 'test-results/**', 'node_modules/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Files and functions small enough to read in one sitting (a declarative table may be longer,
    // with an eslint-disable comment that says it is one).
    files: [
      'src-main/**/*.ts',
      'src-renderer/**/*.{ts,tsx}',
      'scripts/**/*.mjs',
      'bench/**/*.{ts,mjs}',
      'eslint-rules/**',
    ],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Every arrow of DESIGN.md's dependency map, in one rule (eslint-rules/layering.mjs).
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    plugins: { keel: { rules: { layering } } },
    rules: { 'keel/layering': 'error' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
);
