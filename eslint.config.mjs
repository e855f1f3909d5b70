// The layers the brief sets, held by the lint: lib/ imports no app/, components/ or root auth.ts; the plan engine
// (lib/plan) no service folder; components/ no app/; a route no other route's actions; and no import loop anywhere
// (sandbox seeds included); links through components/ui/Link.tsx. Plus TypeScript's and React hooks' recommended rules.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const SERVICES = ['./lib/iam', './lib/ram', './lib/organizations', './lib/changes'];
// Pages link through the one primitive: never prefetched, and the next page's skeleton shown while its navigation is
// pending (components/ui/Link.tsx says why).
const NEXT_LINK = { name: 'next/link', message: "Use Link from '@/components/ui': it does not prefetch, and it shows the next page's skeleton while the navigation is pending." };

export default tseslint.config(
  { ignores: ['node_modules/', '.next*/', 'next-env.d.ts', 'public/', 'test-results/', 'playwright-report/', 'data/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './lib', from: ['./app', './components', './auth.ts'], message: 'lib/ holds no React and no routes: pass what it needs in.' },
            { target: './lib/plan', from: SERVICES, except: [], message: 'The plan engine knows no service: kinds and operations reach it through lib/changes/registry.ts.' },
            { target: './components', from: './app', message: 'Components take actions as props, or from an actions.ts beside them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    ignores: ['components/ui/Link.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [NEXT_LINK] }] },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NEXT_LINK],
          patterns: [
            { regex: '^\\.\\./.*actions$', message: "A route uses its own actions (./actions) or a component's (components/<feature>/actions.ts), not another route's." },
            { regex: '^@/app/', message: "A route uses its own actions (./actions) or a component's (components/<feature>/actions.ts), not another route's." },
          ],
        },
      ],
    },
  },
);
