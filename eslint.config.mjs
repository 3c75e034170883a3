import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

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
    // Only the composition root, platform adapters and the preload may touch Electron.
    files: ['src-main/**'],
    ignores: ['src-main/electron/**', 'src-main/platform/**', 'src-main/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/, platform/ and preload/ import Electron.' }],
        },
      ],
    },
  },
  {
    // Core is pure domain: no Electron, no SQLite, no file system, no network (DESIGN.md).
    files: ['src-main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(electron|better-sqlite3)$', message: 'core/ is pure: no Electron or SQLite.' },
            {
              regex: '^(node:)?(fs|fs/promises|net|http|https|dns|child_process|os)$',
              message: 'core/ is pure: no I/O; take it as a port.',
            },
            { regex: '^\\.\\./(?!core/)', message: 'core/ imports nothing of the project but core/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(electron|better-sqlite3|node:.*)$',
              message: 'The renderer talks to main only through window.keel.',
            },
            {
              regex: 'src-main/(?!ipc/contract$)',
              message: 'The renderer imports only the IPC contract, and only its types.',
            },
          ],
        },
      ],
    },
  },
);
