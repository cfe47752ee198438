/**
 * Import rules of the layers (docs/architecture.md), checked by test/architecture/imports.test.ts under `npm test`
 * and by `npm run lint:imports`.
 */
/** Node's I/O modules, and the frameworks and drivers that only adapters may use. */
const ADAPTER_PACKAGES = "^(node_modules/)?(kysely|express|axios|bullmq|ioredis|pg|better-sqlite3|zmp-sdk|zmp-ui)(/|$)";

module.exports = {
  forbidden: [
    {
      name: "shared-imports-no-adapter",
      comment:
        "shared/ is the pure domain: nothing from bot-server/ or mini-app/, no node I/O, no database, HTTP or queue library.",
      severity: "error",
      from: { path: "^shared/" },
      to: { path: ["^bot-server/", "^mini-app/", ADAPTER_PACKAGES] },
    },
    {
      name: "shared-imports-no-node-core",
      comment: "shared/ does no I/O: no node: core module.",
      severity: "error",
      from: { path: "^shared/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "use-cases-import-no-route",
      comment:
        "Use-cases know no edge: no module of bot-server/src/api, bot-server/src/http or a console *.routes file.",
      severity: "error",
      from: { path: "^bot-server/src/use-cases/" },
      to: { path: ["^bot-server/src/api/", "^bot-server/src/http/", "^bot-server/src/console/.*\\.routes\\.ts$"] },
    },
    {
      name: "only-store-imports-kysely",
      comment:
        "Queries are built only in bot-server/src/store: kysely's query builders (sql, expression helpers) are imported nowhere else. The Kysely and Transaction types of a handle passed through (import type) are allowed.",
      severity: "error",
      from: { path: "^(bot-server|shared|mini-app)/", pathNot: "^bot-server/src/store/" },
      to: { path: "^(node_modules/)?kysely(/|$)", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "mini-app-imports-only-shared",
      comment: "The mini-app talks to the server over HTTP: from outside its folder it imports only shared/.",
      severity: "error",
      from: { path: "^mini-app/" },
      to: { path: "^(bot-server|test|bench)/" },
    },
    {
      name: "console-app-imports-only-shared",
      comment: "The console app talks to the server over HTTP: from outside its folder it imports only shared/.",
      severity: "error",
      from: { path: "^bot-server/console-app/" },
      to: { path: "^(bot-server|mini-app|test|bench)/", pathNot: "^bot-server/console-app/" },
    },
    {
      name: "no-circular",
      comment:
        "No import cycles at run time (a cycle made only of `import type` is erased by the compiler and allowed).",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^dist/", "^bot-server/console-app/dist/", "^mini-app/www", "^test-output/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    moduleSystems: ["es6", "cjs"],
  },
};
