import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Keep the two external boundaries in one place each: Prisma only inside lib/db, the AWS SDK only inside lib/aws
// (and the Local Gateway, which is a separate program that the SDK-only rule does not concern).
const prismaBan = {
  group: ["@prisma/*", "**/db/generated/**", "@/lib/db/generated/*"],
  message: "Prisma is used only inside lib/db: call a data-access function instead.",
};
const awsBan = {
  group: ["@aws-sdk/*"],
  message: "The AWS SDK is used only inside lib/aws: call a typed gateway operation instead.",
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
      "no-restricted-imports": ["error", { patterns: [prismaBan, awsBan, gatewayInternalsBan] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/db/**", "prisma.config.ts", "scripts/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [awsBan, gatewayInternalsBan] }] },
  },
  {
    files: ["lib/aws/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaBan, gatewayInternalsBan] }] },
  },
  {
    // Inside the package: the AWS SDK only as an outside client in its tests and benches (no Prisma, no console).
    files: ["packages/local-gateway/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaBan, consoleBan] }], ...cycleRule },
  },
  {
    // Browser and integration tests set up the AWS side as an outside client would (seeding APIs through the SDK).
    files: ["e2e/**", "test/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaBan, gatewayInternalsBan] }] },
  },
];

export default config;
