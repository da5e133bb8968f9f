// The migration history on each database (issue 12): it matches the schema exactly, and the migration that turned
// the JSON text columns into Prisma `Json` carries existing rows over — every JSON column of every table, the
// canary decisions' old "pending" sentinel, a number-only value — and keeps the invoice immutability triggers.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import * as shapes from "@/lib/db/json";

const kind = process.env.TEST_DB_KIND === "postgresql" ? "postgresql" : "sqlite";
const dir = kind === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations";
const schema = kind === "postgresql" ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma";
const JSON_MIGRATION = "20261203133406_json_columns";
const migrations = readdirSync(dir)
  .filter((d) => /^\d{14}_/.test(d))
  .sort();
const sqlOf = (m: string) => readFileSync(path.join(dir, m, "migration.sql"), "utf8");
const adminUrl = () => process.env.DATABASE_URL!.replace(/\/[^/?]*(\?|$)/, "/postgres$1");

/** A scratch database of this run's kind, reached with plain SQL (no Prisma) so it can sit at any migration. */
type Scratch = {
  url: string;
  exec(sql: string): Promise<void>;
  /** Inserts one row; `raw` columns are SQL expressions, the rest parameters. */
  insert(table: string, values: Record<string, unknown>): Promise<void>;
  /** Required columns without a default: what a row must name. */
  required(table: string): Promise<{ name: string; type: string }[]>;
  /** Foreign keys and triggers off while the fixture rows go in (rows point at ids that do not exist). */
  relaxed<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

async function scratch(): Promise<Scratch> {
  if (kind === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const file = path.join(tmpdir(), `tollgate-migration-${randomUUID()}.db`);
    const sqlite = new Database(file);
    return {
      url: `file:${file}`,
      exec: async (sql) => void sqlite.exec(sql),
      insert: async (table, values) => {
        const cols = Object.keys(values);
        sqlite
          .prepare(
            `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`,
          )
          .run(...cols.map((c) => values[c]));
      },
      required: async (table) =>
        (
          sqlite.prepare(`PRAGMA table_info("${table}")`).all() as {
            name: string;
            type: string;
            notnull: number;
            dflt_value: unknown;
            pk: number;
          }[]
        )
          .filter((c) => (c.notnull || c.pk) && c.dflt_value === null)
          .map((c) => ({ name: c.name, type: c.type.toUpperCase() })),
      relaxed: async (fn) => {
        sqlite.pragma("foreign_keys = OFF");
        try {
          return await fn();
        } finally {
          sqlite.pragma("foreign_keys = ON");
        }
      },
      close: async () => {
        sqlite.close();
        for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
      },
    };
  }
  const { default: pg } = await import("pg");
  const name = `tollgate_migration_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = adminUrl().replace(/\/postgres(\?|$)/, `/${name}$1`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    exec: async (sql) => void (await client.query(sql)),
    insert: async (table, values) => {
      const cols = Object.keys(values);
      await client.query(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")})`,
        cols.map((c) => values[c]),
      );
    },
    required: async (table) =>
      (
        await client.query<{ column_name: string; data_type: string }>(
          `SELECT column_name, data_type FROM information_schema.columns
           WHERE table_name = $1 AND is_nullable = 'NO' AND column_default IS NULL`,
          [table],
        )
      ).rows.map((c) => ({ name: c.column_name, type: c.data_type.toUpperCase() })),
    relaxed: async (fn) => {
      await client.query("SET session_replication_role = replica");
      try {
        return await fn();
      } finally {
        await client.query("SET session_replication_role = origin");
      }
    },
    close: async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

const at = "2026-03-01T10:00:00.000Z";
/** A value of the column's type for the columns a fixture row does not care about. */
function filler(type: string, n: number): unknown {
  if (/INT|REAL|DOUBLE|NUMERIC|DECIMAL/.test(type)) return n;
  if (/BOOL/.test(type)) return kind === "sqlite" ? 0 : false;
  if (/DATE|TIME/.test(type)) return kind === "sqlite" ? Date.parse(at) : at;
  return `f${n}-${randomUUID().slice(0, 8)}`;
}

/** A scratch database at the migration before the JSON one, holding `rows` (other required columns filled in). */
async function beforeJsonMigration(rows: { table: string; values: Record<string, unknown> }[]) {
  const s = await scratch();
  for (const m of migrations.slice(0, migrations.indexOf(JSON_MIGRATION))) await s.exec(sqlOf(m));
  await s.relaxed(async () => {
    for (const [i, r] of rows.entries()) {
      const values = { ...r.values };
      for (const c of await s.required(r.table)) if (!(c.name in values)) values[c.name] = filler(c.type, i);
      await s.insert(r.table, values);
    }
  });
  return s;
}

const plan = {
  steps: [{ percent: 10, holdSeconds: 60 }],
  gates: { max5xxRate: 0.01, max5xxRateIncrease: 0.005, maxP99Ms: 800, maxP99Ratio: 1.5, minRequests: 50 },
  failureThreshold: 2,
  manualApproval: false,
};
const restStage = {
  restApiId: "r1",
  stageName: "prod",
  description: null,
  deploymentId: "d1",
  variables: { version: "v1" },
  methodSettings: [],
  cacheClusterEnabled: false,
  cacheClusterSize: null,
  cacheClusterStatus: null,
  tracingEnabled: false,
  canary: null,
  createdDate: at,
  lastUpdatedDate: at,
};
const httpStage = {
  apiId: "h1",
  stageName: "$default",
  description: null,
  deploymentId: null,
  autoDeploy: true,
  variables: {},
  defaultRouteSettings: { throttlingRateLimit: 100, throttlingBurstLimit: 50, detailedMetricsEnabled: false },
  routeSettings: {},
  lastUpdatedDate: null,
  createdDate: null,
};
const planDto = {
  id: "p1",
  name: "Gold",
  description: null,
  rateLimit: 100,
  burstLimit: 200,
  quota: { limit: 1000, period: "MONTH", offset: 0 },
  apiStages: [
    { apiId: "r1", stage: "prod", methodThrottles: { "/pets/GET": { rateLimit: 5, burstLimit: 10 } } },
  ],
};
const issuer = {
  name: "Example API Ltd",
  address: "1 Road",
  taxId: "",
  email: "b@x.example",
  paymentTermsDays: 14,
  taxRateBp: 2000,
};

/**
 * One row per table with JSON columns, as the TEXT-column schema stored them, and what each column must read as
 * afterwards (parsed by its lib/db/json.ts schema). `undefined` expected = the value as written.
 */
const rows: {
  table: string;
  id: Record<string, unknown>;
  json: Record<string, { text: string | null; expect?: unknown; schema: import("zod").ZodType }>;
  extra?: Record<string, unknown>;
}[] = [
  {
    table: "audit_event",
    id: { id: "a1" },
    json: { summary: { text: '{"changes":["x"],"n":2}', schema: shapes.auditSummary } },
  },
  {
    table: "usage_plan_snapshot",
    id: { id: "p1" },
    json: {
      settings: {
        text: JSON.stringify({ ...planDto, id: undefined, name: undefined, description: undefined }),
        schema: shapes.planSettings,
      },
    },
  },
  {
    table: "price_plan_version",
    id: { id: "v1" },
    json: {
      tiers: {
        text: '[{"upTo":1000000,"pricePerMillionMinor":350},{"upTo":null,"pricePerMillionMinor":151}]',
        schema: shapes.tiers,
      },
    },
  },
  {
    table: "invoice",
    id: { id: "inv1" },
    extra: { status: "FINALIZED", number: "INV-1", month: "2026-02", currency: "USD" },
    json: { issuer: { text: JSON.stringify(issuer), schema: shapes.issuerSettings } },
  },
  {
    table: "finance_setting",
    id: { key: "invoiceGraceDays" },
    json: { value: { text: "5", expect: 5, schema: shapes.graceDays } },
  },
  {
    table: "finance_setting",
    id: { key: "invoiceIssuer" },
    json: { value: { text: JSON.stringify(issuer), schema: shapes.issuerSettings } },
  },
  {
    table: "canary_rollout",
    id: { id: "ro1" },
    json: {
      overrides: { text: '{"version":"v2"}', schema: shapes.stringRecord },
      plan: { text: JSON.stringify(plan), schema: shapes.rolloutPlan },
      pendingAction: {
        text: '{"kind":"start","percent":10,"decisionId":"cd1"}',
        schema: shapes.pendingAction,
      },
    },
  },
  {
    table: "canary_decision",
    id: { id: "cd1" },
    extra: { rolloutId: "ro1" },
    json: {
      metrics: { text: null, schema: shapes.decisionMetrics },
      checks: { text: '[{"gate":"p99","value":120,"threshold":800,"passed":true}]', schema: shapes.checks },
      applied: { text: "pending", expect: null, schema: shapes.appliedCalls },
    },
  },
  {
    table: "canary_decision",
    id: { id: "cd2" },
    extra: { rolloutId: "ro1" },
    json: {
      metrics: {
        text: '{"canary":{"requests":10,"errors5xx":0,"p99Ms":null},"base":{"requests":90,"errors5xx":1,"p99Ms":12.5},"window":{"start":"a","end":"b"}}',
        schema: shapes.decisionMetrics,
      },
      checks: { text: "[]", schema: shapes.checks },
      applied: {
        text: '[[{"op":"replace","path":"/canarySettings/percentTraffic","value":"10"}]]',
        schema: shapes.appliedCalls,
      },
    },
  },
  {
    table: "inv_rest_api",
    id: { account: "000000000000", region: "us-east-1", id: "r1" },
    json: {
      tags: { text: '{"team":"shop"}', schema: shapes.stringRecord },
      methods: { text: '[{"resourcePath":"/pets","httpMethod":"GET"}]', schema: shapes.methodRefs },
      deployments: {
        text: '[{"id":"d1","description":null,"createdDate":null}]',
        schema: shapes.deployments,
      },
    },
  },
  {
    table: "inv_rest_stage",
    id: { account: "000000000000", region: "us-east-1", restApiId: "r1", stageName: "prod" },
    json: { data: { text: JSON.stringify(restStage), schema: shapes.restStage } },
  },
  {
    table: "inv_v2_api",
    id: { account: "000000000000", region: "us-east-1", id: "h1" },
    json: { tags: { text: "{}", schema: shapes.stringRecord } },
  },
  {
    table: "inv_v2_stage",
    id: { account: "000000000000", region: "us-east-1", apiId: "h1", stageName: "$default" },
    json: { data: { text: JSON.stringify(httpStage), schema: shapes.httpStage } },
  },
  {
    table: "inv_usage_plan",
    id: { account: "000000000000", region: "us-east-1", id: "p1" },
    json: { data: { text: JSON.stringify(planDto), schema: shapes.planDto } },
  },
  {
    table: "gateway_change",
    id: { id: "gc1" },
    json: {
      summary: { text: '["throttling rate 100 → 50 req/s"]', schema: shapes.stringList },
      before: { text: JSON.stringify(restStage), schema: shapes.anyJson },
      after: { text: null, schema: shapes.anyJson },
    },
  },
  {
    table: "api_token",
    id: { id: "t1" },
    json: {
      scopes: { text: '["ops.view","gateway.manage"]', schema: shapes.stringList },
      ipAllowList: { text: '["203.0.113.0/24"]', schema: shapes.stringList },
    },
  },
  {
    table: "portal_api_doc",
    id: { restApiId: "r1", deploymentId: "d1" },
    json: {
      document: {
        text: '{"openapi":"3.0.1","paths":{"/pets":{"get":{"x-amazon-apigateway-integration":{"type":"mock"}}}}}',
        schema: shapes.openApiDoc,
      },
    },
  },
  {
    table: "portal_change",
    id: { id: "pc1" },
    json: {
      changes: {
        text: '[{"operation":"GET /pets","kind":"removed","breaking":true,"details":["removed"]}]',
        schema: shapes.operationChanges,
      },
    },
  },
  {
    table: "portal_deployment_summary",
    id: { restApiId: "r1", deploymentId: "d1" },
    json: { summary: { text: '{"/pets":{"GET":{"apiKeyRequired":true}}}', schema: shapes.apiSummary } },
  },
];

const modelOf: Record<string, keyof Db> = {
  audit_event: "auditEvent",
  usage_plan_snapshot: "usagePlanSnapshot",
  price_plan_version: "pricePlanVersion",
  invoice: "invoice",
  finance_setting: "financeSetting",
  canary_rollout: "canaryRollout",
  canary_decision: "canaryDecision",
  inv_rest_api: "invRestApi",
  inv_rest_stage: "invRestStage",
  inv_v2_api: "invV2Api",
  inv_v2_stage: "invV2Stage",
  inv_usage_plan: "invUsagePlan",
  gateway_change: "gatewayChange",
  api_token: "apiToken",
  portal_api_doc: "portalApiDoc",
  portal_change: "portalChange",
  portal_deployment_summary: "portalDeploymentSummary",
};

describe(`migrations (${kind})`, () => {
  it("match the schema: replaying them leaves nothing for `prisma migrate diff` to add", () => {
    const out = execFileSync(
      "node_modules/.bin/prisma",
      ["migrate", "diff", "--from-migrations", dir, "--to-schema-datamodel", schema, "--script"],
      {
        env: { ...process.env, DATABASE_URL: kind === "postgresql" ? adminUrl() : "file::memory:" },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    expect(out.trim()).toBe("-- This is an empty migration.");
  }, 60_000);

  describe("the JSON-columns migration on a database with rows", () => {
    let s: Scratch;
    let client: Db;
    beforeAll(async () => {
      s = await beforeJsonMigration(
        rows.map((r) => ({
          table: r.table,
          values: {
            ...r.id,
            ...r.extra,
            ...Object.fromEntries(Object.entries(r.json).map(([col, v]) => [col, v.text])),
          },
        })),
      );
      await s.exec(sqlOf(JSON_MIGRATION));
      client = createDb(s.url);
    }, 60_000);
    afterAll(async () => {
      await client?.$disconnect();
      await s?.close();
    });

    it.each(rows.map((r) => [`${r.table} ${Object.values(r.id).at(-1)}`, r] as const))(
      "%s: every JSON column reads back as the value it held, in its column's shape",
      async (_name, r) => {
        const model = client[modelOf[r.table]!] as unknown as {
          findFirstOrThrow(a: object): Promise<Record<string, unknown>>;
        };
        const select = Object.fromEntries(Object.keys(r.json).map((c) => [c, true]));
        const row = await model.findFirstOrThrow({ where: r.id, select });
        for (const [col, v] of Object.entries(r.json)) {
          const want = "expect" in v ? v.expect : v.text === null ? null : JSON.parse(v.text);
          expect(row[col], `${r.table}.${col}`).toEqual(want);
          if (row[col] !== null)
            expect(() => shapes.readJson(v.schema, row[col], `${r.table}.${col}`)).not.toThrow();
        }
      },
    );

    it("keeps a finalized invoice immutable: its issuer cannot change and no line can be added", async () => {
      await expect(
        client.invoice.update({
          where: { id: "inv1" },
          data: { issuer: { ...issuer, name: "Someone else" } },
        }),
      ).rejects.toThrow(/immutable/);
      await expect(
        client.invoiceLine.create({
          data: {
            invoiceId: "inv1",
            position: 9,
            kind: "ADJUSTMENT",
            description: "late",
            quantity: 1n,
            unitPriceMinor: 1n,
            amountMinor: 1n,
            periodFrom: "2026-02-01",
            periodTo: "2026-02-28",
          },
        }),
      ).rejects.toThrow(/immutable/);
      await expect(client.invoice.delete({ where: { id: "inv1" } })).rejects.toThrow(/immutable/);
    });

    it("refuses a malformed row instead of carrying it over", async () => {
      const bad = await beforeJsonMigration([
        { table: "audit_event", values: { id: "a-bad", summary: "{not json" } },
      ]);
      try {
        await expect(bad.exec(sqlOf(JSON_MIGRATION))).rejects.toThrow(/json/i);
      } finally {
        await bad.close();
      }
    }, 60_000);
  });
});
