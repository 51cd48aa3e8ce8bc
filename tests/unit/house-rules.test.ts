import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The house rules catch what they promise. Each dependency-cruiser rule gets a miniature house
// in a temporary folder (server modules a, b and c, core, shared and client) with one violation
// planted, cruised with OUR .dependency-cruiser.cjs; exactly that rule must report. The clean
// miniature reports nothing, so the rules are not vacuous, and the command line the lint layer runs
// fails on a planted violation. ESLint and Prettier, with our configs, get a planted fault as text
// next to a clean twin. The cruises and checks run in one child process (tests/support/
// house-tools.mjs) through the tools' own JavaScript APIs, which keeps this file at a few seconds.
const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** The clean miniature: every kind of import the rules allow. */
const cleanHouse: Record<string, string> = {
  'shared/package.json': JSON.stringify({
    name: '@uitstroom/shared',
    exports: { '.': './src/index.ts', './*': './src/*.ts' },
  }),
  'shared/src/index.ts': "export { dutchDay } from './calendar.js';\n",
  'shared/src/calendar.ts': 'export const dutchDay = (day: string) => day;\n',
  'server/src/core/log.ts': 'export const log = (line: string) => line;\n',
  'server/src/core/http/route.ts': "import { log } from '../log.js';\nexport const route = log;\n",
  // Inside one module imports are free; a module uses core and shared.
  'server/src/a/a.service.ts': [
    "import { dutchDay } from '@uitstroom/shared';",
    "import { log } from '../core/log.js';",
    "import type { Row } from './a.repository.js';",
    'export const a = (row: Row) => log(dutchDay(row.day));',
  ].join('\n'),
  'server/src/a/a.repository.ts': 'export interface Row {\n  day: string;\n}\n',
  'server/src/a/index.ts': "export { a } from './a.service.js';\n",
  // A test reaches into its own module.
  'server/src/a/a.test.ts': "import { a } from './a.service.js';\na({ day: '2026-12-07' });\n",
  // b uses a through a's front door.
  'server/src/b/b.service.ts':
    "import { a } from '../a/index.js';\nexport const b = () => a({ day: '' });\n",
  'server/src/b/index.ts': "export { b } from './b.service.js';\n",
  'server/src/c/index.ts': 'export const c = 1;\n',
  // A test may start the whole app.
  'server/src/c/c.test.ts': "import '../app.js';\n",
  // app.ts composes every module through its front door, and uses core.
  'server/src/app.ts': [
    "import { b } from './b/index.js';",
    "import { c } from './c/index.js';",
    "import { route } from './core/http/route.js';",
    'route(String(b()) + c);',
  ].join('\n'),
  'client/src/main.tsx': [
    "import { dutchDay } from '@uitstroom/shared';",
    "import type { Props } from './props';",
    'export const Main = (props: Props) => dutchDay(props.day);',
  ].join('\n'),
  'client/src/props.ts': 'export interface Props {\n  day: string;\n}\n',
  // Client modules x and y: y uses x through x's front door, and core; app/ composes the pages.
  'client/src/core/format.ts': 'export const formatDay = (day: string) => day;\n',
  'client/src/x/x-api.ts': 'export const fetchX = () => 1;\n',
  'client/src/x/index.ts': "export { fetchX } from './x-api';\n",
  'client/src/y/YPage.tsx': [
    "import { fetchX } from '../x';",
    "import { formatDay } from '../core/format';",
    'export const YPage = () => formatDay(String(fetchX()));',
  ].join('\n'),
  'client/src/app/App.tsx': "import { YPage } from '../y/YPage';\nexport const App = YPage;\n",
};

interface Violation {
  rule: string;
  from: string;
  to: string;
}
interface Cruise {
  violations: Violation[];
  dependencies: { from: string; to: string; types: string[] }[];
}

/** Each miniature: the clean house with these files added or replaced. */
const miniatures = {
  clean: {},
  fileCycle: {
    // A cycle through a type-only import counts too.
    'client/src/props.ts':
      "import type { Main } from './main';\nexport type Props = Parameters<typeof Main>[0] & { day: string };\n",
  },
  moduleCycle: {
    // No file is in a cycle (a/index.ts does not export a/report.ts), but a → b → a.
    'server/src/a/report.ts': "import { b } from '../b/index.js';\nexport const report = b;\n",
  },
  backDoor: {
    'server/src/b/b.service.ts':
      "import { a } from '../a/a.service.js';\nexport const b = () => a({ day: '' });\n",
  },
  backDoorFromApp: {
    'server/src/app.ts':
      "import { b } from './b/b.service.js';\nimport { route } from './core/http/route.js';\nroute(String(b()));\n",
  },
  backDoorFromTest: {
    'server/src/b/b.test.ts':
      "import type { Row } from '../a/a.repository.js';\nexport const row: Row = { day: '' };\n",
  },
  moduleUsesApp: {
    'server/src/c/start.ts': "import '../app.js';\nexport const started = true;\n",
  },
  coreUsesModule: {
    'server/src/core/http/route.ts':
      "import { c } from '../../c/index.js';\nimport { log } from '../log.js';\nexport const route = (line: string) => log(line + c);\n",
  },
  sharedUsesAppCode: {
    'shared/src/calendar.ts': [
      "import type { Props } from '../../client/src/props';",
      "import { log } from '../../server/src/core/log.js';",
      "export const dutchDay = (day: Props['day']) => log(day);",
    ].join('\n'),
  },
  clientUsesServer: {
    'client/src/props.ts':
      "import type { Row } from '../../server/src/a/a.repository';\nexport type Props = Row;\n",
  },
  clientBackDoor: {
    'client/src/y/YPage.tsx':
      "import { fetchX } from '../x/x-api';\nexport const YPage = () => String(fetchX());\n",
  },
  clientCoreUsesModule: {
    'client/src/core/format.ts':
      "import { fetchX } from '../x';\nexport const formatDay = (day: string) => day + fetchX();\n",
  },
  unresolvable: {
    'client/src/props.ts': "export type { Props } from './missing';\n",
  },
} satisfies Record<string, Record<string, string>>;
type Miniature = keyof typeof miniatures;

const hooksAfterReturn = [
  "import { useState } from 'react';",
  'export function Planted({ open }: { open: boolean }) {',
  '  if (!open) return null;',
  '  const [count] = useState(0);',
  '  return <p>{count}</p>;',
  '}',
  '',
].join('\n');
const lints = {
  hooksAfterReturn: { file: 'client/src/planted.tsx', text: hooksAfterReturn },
  // The same component with the hook first: clean.
  hooksFirst: {
    file: 'client/src/planted.tsx',
    text: hooksAfterReturn.replace(
      '  if (!open) return null;\n  const [count] = useState(0);',
      '  const [count] = useState(0);\n  if (!open) return null;',
    ),
  },
  anyInServer: {
    file: 'server/src/a/planted.ts',
    text: 'export const planted = (body: any) => body;\n',
  },
  unknownInServer: {
    file: 'server/src/a/planted.ts',
    text: 'export const planted = (body: unknown) => body;\n',
  },
};
// 101 characters: over our print width of 100. Its twin has 91: over Prettier's default of 80 only.
const formats = {
  longLine: {
    file: 'server/src/a/planted.ts',
    text: "export const planted = ['eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde', 'zevende', 'acht'];\n",
  },
  shortLine: {
    file: 'server/src/a/planted.ts',
    text: "export const planted = ['eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde', 'zeven'];\n",
  },
};

let house: string;
const cruises = {} as Record<Miniature, Cruise>;
const lintRules = {} as Record<keyof typeof lints, string[]>;
const formatted = {} as Record<keyof typeof formats, boolean>;
let commandLine: { status: number; output: string };

function runTool(command: string, args: string[], cwd: string) {
  return new Promise<{ status: number; output: string }>((resolve) => {
    const child = spawn(command, args, { cwd });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status: status ?? 1, output }));
  });
}

function build(name: Miniature) {
  const folder = path.join(house, name);
  for (const [file, text] of Object.entries({ ...cleanHouse, ...miniatures[name] })) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
  copyFileSync(path.join(root, 'tsconfig.base.json'), path.join(folder, 'tsconfig.base.json'));
  mkdirSync(path.join(folder, 'node_modules', '@uitstroom'), { recursive: true });
  symlinkSync('../../shared', path.join(folder, 'node_modules', '@uitstroom', 'shared'));
  return folder;
}

beforeAll(async () => {
  house = mkdtempSync(path.join(tmpdir(), 'house-rules-'));
  const names = Object.keys(miniatures) as Miniature[];
  const jobs = [
    ...names.map((name) => ({ tool: 'depcruise', folder: build(name) })),
    ...Object.values(lints).map((job) => ({ tool: 'eslint', ...job })),
    ...Object.values(formats).map((job) => ({ tool: 'prettier', ...job })),
  ];
  writeFileSync(path.join(house, 'jobs.json'), JSON.stringify(jobs));
  const [tools, cli] = await Promise.all([
    runTool(
      process.execPath,
      [path.join(root, 'tests', 'support', 'house-tools.mjs'), path.join(house, 'jobs.json')],
      root,
    ),
    // Once through the command line the lint layer runs: a violation fails it.
    runTool(
      bin('depcruise'),
      [
        '--config',
        path.join(root, '.dependency-cruiser.cjs'),
        'server/src',
        'shared/src',
        'client/src',
      ],
      path.join(house, 'backDoor'),
    ),
  ]);
  commandLine = cli;
  if (tools.status !== 0) throw new Error(tools.output);
  const results = JSON.parse(tools.output) as unknown[];
  names.forEach((name, i) => {
    const cruise = results[i] as Cruise;
    cruise.violations.sort((x, y) => `${x.from} ${x.to}`.localeCompare(`${y.from} ${y.to}`));
    cruises[name] = cruise;
  });
  (Object.keys(lints) as (keyof typeof lints)[]).forEach((name, i) => {
    lintRules[name] = (results[names.length + i] as { rules: string[] }).rules;
  });
  (Object.keys(formats) as (keyof typeof formats)[]).forEach((name, i) => {
    formatted[name] = (
      results[names.length + Object.keys(lints).length + i] as { formatted: boolean }
    ).formatted;
  });
}, 60_000);
afterAll(() => rmSync(house, { recursive: true, force: true }));

describe('dependency-cruiser with our rules', () => {
  test('the clean miniature reports nothing, and every import in it resolved', () => {
    const { violations, dependencies } = cruises.clean;
    expect(violations).toEqual([]);
    // The cruiser saw the edges the rules judge: the package name, `.js` suffixes, type-only.
    expect(dependencies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'server/src/a/a.service.ts', to: 'shared/src/index.ts' }),
        expect.objectContaining({ from: 'client/src/main.tsx', to: 'shared/src/index.ts' }),
        expect.objectContaining({ from: 'server/src/b/b.service.ts', to: 'server/src/a/index.ts' }),
        expect.objectContaining({
          from: 'server/src/a/a.service.ts',
          to: 'server/src/a/a.repository.ts',
          types: expect.arrayContaining(['type-only']),
        }),
      ]),
    );
    expect(dependencies).toHaveLength(19);
  });

  test('no-circular: two client files that import each other, one of them type-only', () => {
    expect(cruises.fileCycle.violations).toEqual([
      // One report per cycle.
      { rule: 'no-circular', from: 'client/src/main.tsx', to: 'client/src/props.ts' },
    ]);
  });

  test('no-circular-server-modules: a → b → a without any file cycle', () => {
    expect(cruises.moduleCycle.violations).toEqual([
      { rule: 'no-circular-server-modules', from: 'server/src/a', to: 'server/src/b' },
      { rule: 'no-circular-server-modules', from: 'server/src/b', to: 'server/src/a' },
    ]);
  });

  test.each([
    ['a module', 'backDoor', 'server/src/b/b.service.ts', 'server/src/a/a.service.ts'],
    ['app.ts', 'backDoorFromApp', 'server/src/app.ts', 'server/src/b/b.service.ts'],
    [
      "another module's test",
      'backDoorFromTest',
      'server/src/b/b.test.ts',
      'server/src/a/a.repository.ts',
    ],
  ] as const)(
    "server-module-through-front-door: %s reaching past a module's index.ts",
    (_who, name, from, to) => {
      expect(cruises[name].violations).toEqual([
        { rule: 'server-module-through-front-door', from, to },
      ]);
    },
  );

  test('modules-not-to-composition-root: a module imports app.ts', () => {
    expect(cruises.moduleUsesApp.violations).toEqual([
      {
        rule: 'modules-not-to-composition-root',
        from: 'server/src/c/start.ts',
        to: 'server/src/app.ts',
      },
    ]);
  });

  test("core-knows-no-domain: core imports a module, even through the module's front door", () => {
    expect(cruises.coreUsesModule.violations).toEqual([
      {
        rule: 'core-knows-no-domain',
        from: 'server/src/core/http/route.ts',
        to: 'server/src/c/index.ts',
      },
    ]);
  });

  test('shared-imports-no-app-code: shared imports from the client and from the server', () => {
    expect(cruises.sharedUsesAppCode.violations).toEqual([
      {
        rule: 'shared-imports-no-app-code',
        from: 'shared/src/calendar.ts',
        to: 'client/src/props.ts',
      },
      {
        rule: 'shared-imports-no-app-code',
        from: 'shared/src/calendar.ts',
        to: 'server/src/core/log.ts',
      },
    ]);
  });

  test("client-module-through-front-door: a client module reaches into another's file", () => {
    expect(cruises.clientBackDoor.violations).toEqual([
      {
        rule: 'client-module-through-front-door',
        from: 'client/src/y/YPage.tsx',
        to: 'client/src/x/x-api.ts',
      },
    ]);
  });

  test('client-core-knows-no-module: client core imports a module', () => {
    expect(cruises.clientCoreUsesModule.violations).toEqual([
      {
        rule: 'client-core-knows-no-module',
        from: 'client/src/core/format.ts',
        to: 'client/src/x/index.ts',
      },
    ]);
  });

  test('client-imports-no-server: a client file imports a server type', () => {
    expect(cruises.clientUsesServer.violations).toEqual([
      {
        rule: 'client-imports-no-server',
        from: 'client/src/props.ts',
        to: 'server/src/a/a.repository.ts',
      },
    ]);
  });

  test('not-to-unresolvable: an import of a file that is not there', () => {
    expect(cruises.unresolvable.violations).toEqual([
      { rule: 'not-to-unresolvable', from: 'client/src/props.ts', to: './missing' },
    ]);
  });

  test('the command line of the lint layer fails on a violation and names the rule', () => {
    expect(commandLine.output).toContain(
      'server-module-through-front-door: server/src/b/b.service.ts → server/src/a/a.service.ts',
    );
    expect(commandLine.status).not.toBe(0);
  });
});

describe('ESLint with our config', () => {
  test('catches a hook called after an early return in a .tsx component', () => {
    expect(lintRules.hooksAfterReturn).toEqual(['react-hooks/rules-of-hooks']);
    expect(lintRules.hooksFirst).toEqual([]);
  });

  test('catches an `any` in server code', () => {
    expect(lintRules.anyInServer).toEqual(['@typescript-eslint/no-explicit-any']);
    expect(lintRules.unknownInServer).toEqual([]);
  });
});

describe('Prettier with our config', () => {
  test('catches a line over our print width of 100', () => {
    expect(formatted.longLine).toBe(false);
    expect(formatted.shortLine).toBe(true);
  });
});
