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
      "no-restricted-imports": ["error", { patterns: [prismaBan, awsBan] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/db/**", "prisma.config.ts", "scripts/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [awsBan] }] },
  },
  {
    files: ["lib/aws/**", "lib/local-gateway/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaBan] }] },
  },
  {
    // Browser and integration tests and bench:console set up the AWS side as an outside client would (seeding APIs through the SDK).
    files: ["e2e/**", "test/**", "scripts/lib/bench-console/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaBan] }] },
  },
];

export default config;
