import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/*
 * The console's layers (ARCHITECTURE.md explains them), enforced here with no-restricted-imports:
 *
 *   app/, components/                       pages, route handlers, UI
 *     ↓ may use: lib/actions, feature loaders, lib/auth, lib/schemas, lib/query-options, cross-cutting modules
 *   lib/actions, lib/jobs                   entry points that change state (one action per file) / the scheduler
 *     ↓
 *   lib/<feature>/ (keys, usage, plans, …)  loaders.ts (what a page loads), commands.ts (what changes state),
 *     ↓                                     and the feature's domain logic
 *   lib/db, lib/aws                         the only doors to Prisma and to the AWS SDK
 *     ↓
 *   cross-cutting: lib/env, log, clock, errors, format, utils, page-read, nav, lib/auth, lib/schemas
 *
 * A flat-config block that sets a rule replaces it for its files, so each block below lists all of its bans.
 * Import cycles are checked by `npm run check:cycles` (dpdm, a few seconds; part of `npm test`) rather than
 * import/no-cycle, which made `eslint .` four times slower.
 */
const prismaBan = {
  group: ["@prisma/*", "**/db/generated/**", "@/lib/db/generated/*"],
  message: "Prisma is used only inside lib/db: call a data-access function instead.",
};
const awsBan = {
  group: ["@aws-sdk/*"],
  message: "The AWS SDK is used only inside lib/aws: call a typed gateway operation instead.",
};
const dbClientBan = {
  group: ["@/lib/db/client", "**/db/client"],
  message: "The Prisma client is used only inside lib/db: add a query to lib/db/<domain>.ts and call that.",
};
const doorsBan = {
  group: ["@/lib/db/*", "@/lib/aws/*"],
  message:
    "Pages, route handlers and components read through a feature's loaders (lib/<feature>/loaders.ts) and change state through lib/actions; lib/db and lib/aws are for the features.",
};
const entryPointsBan = {
  group: ["@/lib/actions/*", "@/lib/jobs/*", "@/app/*", "@/components/*"],
  message:
    "lib/ features and doors do not depend on entry points (actions, the scheduler) or on UI: move the shared part into the feature.",
};
const upwardFromDoorsBan = {
  group: ["@/lib/*/loaders", "@/lib/*/commands"],
  message:
    "lib/db and lib/aws sit under the features: they may use a feature's types and pure logic, never its loaders or commands.",
};

// The Local Gateway (packages/local-gateway) is a separate program: the console reaches it through its public
// entries only, and it never imports console code.
const gatewayInternalsBan = {
  group: [
    "**/packages/local-gateway/**",
    "@tollgate/local-gateway/*",
    "!@tollgate/local-gateway/testing",
    "!@tollgate/local-gateway/demo",
  ],
  message:
    "The Local Gateway is used through @tollgate/local-gateway, …/testing or …/demo (or over HTTP), never its internals.",
};
const consoleBan = {
  group: ["@/*", "**/lib/**", "**/app/**", "**/components/**", "**/scripts/**", "**/e2e/**", "**/test/**"],
  message: "The Local Gateway is a separate program and imports no console code.",
};
const cycleRule = { "import/no-cycle": ["error", { ignoreExternal: true }] };

// Every console file also keeps out of the Local Gateway's internals.
const restrict = (...patterns) => ["error", { patterns: [...patterns, gatewayInternalsBan] }];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      ".data/**",
    ],
  },
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    rules: {
      "no-restricted-imports": restrict(prismaBan, awsBan, dbClientBan),
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": restrict(prismaBan, awsBan, dbClientBan, doorsBan) },
  },
  {
    // The health check is about the database itself.
    files: ["app/api/health/route.ts"],
    rules: { "no-restricted-imports": restrict(prismaBan, awsBan, dbClientBan) },
  },
  {
    files: ["lib/**"],
    ignores: ["lib/actions/**", "lib/jobs/**", "lib/db/**", "lib/aws/**", "**/*.test.ts"],
    rules: { "no-restricted-imports": restrict(prismaBan, awsBan, dbClientBan, entryPointsBan) },
  },
  {
    files: ["lib/db/**"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": restrict(awsBan, entryPointsBan, upwardFromDoorsBan) },
  },
  {
    files: ["lib/aws/**"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": restrict(prismaBan, dbClientBan, entryPointsBan, upwardFromDoorsBan) },
  },
  {
    // better-auth's Prisma adapter takes the client itself.
    files: ["lib/auth/auth.ts"],
    rules: { "no-restricted-imports": restrict(prismaBan, awsBan, entryPointsBan) },
  },
  {
    // Tests, fixtures, seeds and benchmarks set up and inspect the database directly; they still reach AWS only as
    // an outside client would (through the SDK) and Prisma only through lib/db's client.
    files: ["**/*.test.ts", "test/**", "scripts/**", "lib/billing/bench/**", "prisma.config.ts"],
    rules: { "no-restricted-imports": restrict(prismaBan) },
  },
  {
    files: ["scripts/**", "prisma.config.ts"],
    rules: { "no-restricted-imports": restrict(awsBan) },
  },
  {
    // Browser tests set up the AWS side as an outside client would (seeding APIs through the SDK).
    files: ["e2e/**"],
    rules: { "no-restricted-imports": restrict(prismaBan) },
  },
  {
    // bench:console seeds its Local Gateway through the SDK, as an outside client would.
    files: ["scripts/lib/bench-console/**"],
    rules: { "no-restricted-imports": restrict(prismaBan) },
  },
  {
    // Inside the package: the AWS SDK only as an outside client in its tests and benches (no Prisma, no console).
    files: ["packages/local-gateway/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaBan, consoleBan] }], ...cycleRule },
  },
];

export default config;
