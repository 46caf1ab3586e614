// Lint: typescript-eslint's recommended rules plus the one-way layer rule of CONVENTIONS.md:
// shells (cli, server, web) → features → core → util → spec; providers and stores → util → spec.
// A feature may use another feature only through its index.ts, never a provider or a store.
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { noTypeCycle } from './eslint-rules/no-type-cycle.js';

const layers = ['spec', 'util', 'core', 'providers', 'store', 'ingest', 'retrieve', 'generate', 'evaluate', 'decide', 'report', 'tune', 'monitor', 'lineage', 'readiness', 'testing', 'cli', 'server', 'web'];
const features = ['ingest', 'retrieve', 'generate', 'evaluate', 'decide', 'report', 'tune', 'monitor', 'lineage', 'readiness'];
const shells = ['cli', 'server', 'web'];

// Only `**/<layer>/**` (never the bare directory): gitignore semantics cannot re-include a file (the
// allowed `<feature>/index.js`) once its parent directory itself is excluded.
const deny = (names) => names.map((n) => `**/${n}/**`);
// A `_file` is private to its folder: importable from that folder and its subfolders (`./_x`, `../_x`), never
// from a sibling or a parent reaching down (`../other/_x`, `./sub/_x`).
const privateImport = { regex: '^(\\.\\./)*(\\.\\.|\\.)/[^./][^/]*/(.*/)?_[^/]*$', message: 'Private-file rule (ARCHITECTURE.md): another folder\'s `_` file is private to it; import its public module instead.' };
const rule = (forbidden, allow = []) => ({
  'no-restricted-imports': ['error', { patterns: [
    ...(forbidden.length ? [{ group: [...deny(forbidden), ...allow.map((a) => `!${a}`)], message: 'Layer rule (ARCHITECTURE.md): this import goes against the one-way layer order.' }] : []),
    privateImport,
  ] }],
});

const except = (...keep) => layers.filter((l) => !keep.includes(l));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/peers/**', 'bench/.cache/**', 'examples/**'] },
  ...tseslint.configs.recommended,
  {
    // No import cycles anywhere in src (dynamic imports included; type-only imports through the local rule).
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX, fathom: { rules: { 'no-type-cycle': noTypeCycle } } },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }], 'fathom/no-type-cycle': 'error', ...rule([]) },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['src/spec/**/*.ts'], rules: rule(except('spec')) },
  { files: ['src/util/**/*.ts'], rules: rule(except('spec', 'util')) },
  { files: ['src/core/**/*.ts'], ignores: ['src/**/*.test.ts'], rules: rule(except('spec', 'util', 'core')) },
  { files: ['src/providers/**/*.ts'], ignores: ['src/**/*.test.ts'], rules: rule(except('spec', 'util', 'providers')) },
  { files: ['src/store/**/*.ts'], ignores: ['src/**/*.test.ts'], rules: rule(except('spec', 'util', 'store')) },
  ...features.map((f) => ({
    files: [`src/${f}/**/*.ts`],
    ignores: ['src/**/*.test.ts'],
    rules: rule([...except('spec', 'util', 'core', f)], features.filter((o) => o !== f).map((o) => `**/${o}/index.js`)),
  })),
  { files: ['src/testing/**/*.ts'], ignores: ['src/**/*.test.ts'], rules: rule(shells) },
  // The server is a shell like the CLI (features, store, providers allowed) but never imports the CLI or web;
  // the CLI may import the server (`fathom serve`, `fathom keys`).
  { files: ['src/server/**/*.ts'], ignores: ['src/**/*.test.ts'], rules: rule(['cli', 'web']) },
  // Tests may use fathom/testing (conformance suites, protocol servers, tiny models) but never the shells.
  { files: ['src/**/*.test.ts'], ignores: ['src/cli/**', 'src/server/**', 'src/web/**'], rules: rule(shells) },
);
