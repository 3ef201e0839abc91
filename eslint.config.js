import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

// The dependency arrows of docs/architecture.md: domain ← store ← capture, trace, labels, accounts ← api, cli.
const layers = [
  { target: './src/domain', from: ['./src/store', './src/capture', './src/trace', './src/labels', './src/accounts', './src/api', './src/cli', './src/demo', './src/config.ts', './src/main.ts'] },
  { target: './src/store', from: ['./src/capture', './src/trace', './src/labels', './src/accounts', './src/api', './src/cli', './src/demo', './src/config.ts', './src/main.ts'] },
  { target: './src/capture', from: ['./src/trace', './src/labels', './src/accounts', './src/api', './src/cli', './src/demo', './src/config.ts', './src/main.ts'] },
  { target: './src/trace', from: ['./src/capture', './src/labels', './src/accounts', './src/api', './src/cli', './src/demo', './src/config.ts', './src/main.ts'] },
  { target: './src/labels', from: ['./src/capture', './src/trace', './src/accounts', './src/api', './src/cli', './src/demo', './src/config.ts', './src/main.ts'] },
  { target: './src/accounts', from: ['./src/capture', './src/trace', './src/labels', './src/api', './src/cli', './src/demo', './src/config.ts', './src/main.ts'] },
  { target: './src/api', from: ['./src/cli', './src/demo', './src/config.ts', './src/main.ts'] },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'test-output/', 'web/dist/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { typescript: { project: './tsconfig.json' } } },
    rules: {
      'import/no-restricted-paths': ['error', { zones: layers }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read the environment only in config.ts (loadConfig) and the entry points.' }],
    },
  },
  {
    files: ['src/config.ts', 'src/cli/index.ts', 'test/**/*.ts', 'bench/**/*.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/store/migrations/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
