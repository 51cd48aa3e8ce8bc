// The house rules for imports, checked by `npm run lint` and the lint layer of `npm test`:
//   npx depcruise server/src shared/src client/src
// Server modules are the folders directly under server/src; core/ is the shared kernel, not a
// module. app.ts and server.ts compose the modules. Each rule has a test that plants a violation
// (tests/unit/house-rules.test.ts).
// Test files and server/src/demo are cruised like any file: a test reaches into its own module
// only, and demo data uses the modules' front doors. A test that needs another module's inside
// belongs in tests/api/, which is not cruised.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No file is in an import cycle, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-server-modules',
      severity: 'error',
      comment:
        'The graph of server modules (the folders under server/src) has no cycle: where two ' +
        'modules need each other, the dependency goes one way and the other side hears an event ' +
        'or gets a parameter.',
      // Folder scope: each folder's arrows are those of every file in it and below, to the folder
      // of the imported file (server/src/core/http is a folder of its own, inside core).
      scope: 'folder',
      from: { path: '^server/src/[^/]+' },
      to: { path: '^server/src/[^/]+', circular: true },
    },
    {
      name: 'server-module-through-front-door',
      severity: 'error',
      comment:
        "A server module, app.ts or server.ts reaches another module only through that module's " +
        'front door, server/src/<module>/index.ts. Inside one module imports are free.',
      from: { path: '^(server/src/[^/]+)', pathNot: '^server/src/core/' },
      to: {
        path: '^server/src/[^/]+/',
        pathNot: ['^$1/', '^server/src/core/', '^server/src/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'modules-not-to-composition-root',
      severity: 'error',
      comment:
        'app.ts and server.ts compose the modules; a module does not import them back (its ' +
        'tests may, to start the app).',
      from: { path: '^server/src/[^/]+/', pathNot: ['^server/src/core/', '\\.test\\.ts$'] },
      to: { path: '^server/src/[^/]+\\.ts$' },
    },
    {
      name: 'core-knows-no-domain',
      severity: 'error',
      comment: 'server/src/core is the kernel every module uses: it imports no domain module.',
      from: { path: '^server/src/core/' },
      to: { path: '^server/src/', pathNot: '^server/src/core/' },
    },
    {
      name: 'shared-imports-no-app-code',
      severity: 'error',
      comment: 'shared/ is used by server and client alike: it imports neither.',
      from: { path: '^shared/' },
      to: { path: '^(server|client)/' },
    },
    {
      name: 'client-imports-no-server',
      severity: 'error',
      comment:
        'The client talks to the server over HTTP and socket.io only; shared/ is the contract.',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'client-module-through-front-door',
      severity: 'error',
      comment:
        'A client module (a folder under client/src) imports core/, shared and its own folder; ' +
        "another module only through that module's front door, client/src/<module>/index.ts. " +
        'app/ and main.tsx compose the modules (their pages) and may reach into them.',
      from: { path: '^(client/src/[^/]+)/', pathNot: '^client/src/(core|app)/' },
      to: {
        path: '^client/src/[^/]+/',
        pathNot: ['^$1/', '^client/src/core/', '^client/src/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'client-core-knows-no-module',
      severity: 'error',
      comment:
        'client/src/core holds the generic pieces (API client, query cache, session, formatting, ' +
        'messages, region data, fields, pager): it imports no client module.',
      from: { path: '^client/src/core/' },
      to: { path: '^client/src/', pathNot: '^client/src/core/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'Every import resolves. An import the cruiser cannot resolve is an edge it cannot judge, ' +
        'which would let the rules above pass without looking.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      mermaid: { minify: false },
    },
  },
};
