import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  DeleteApiKeyCommand,
  GetApiKeyCommand,
  GetApiKeysCommand,
  GetUsagePlanKeysCommand,
  ImportApiKeysCommand,
  UpdateApiKeyCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startTestGateway, type TestGateway } from "../test-helpers";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.stop());

describe("API keys", () => {
  it("creates a key with a generated 40-character value and returns the value", async () => {
    const k = await t.v1.send(
      new CreateApiKeyCommand({ name: "gen", enabled: true, customerId: "c1", tags: { a: "b" } }),
    );
    expect(k.$metadata.httpStatusCode).toBe(201);
    expect(k.value).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(k).toMatchObject({ name: "gen", enabled: true, customerId: "c1", tags: { a: "b" } });
  });

  it("keeps values unique (409) and validates their length (400)", async () => {
    const value = "unique-value-0123456789abcdef";
    await t.v1.send(new CreateApiKeyCommand({ name: "u1", value }));
    const dup = await errorOf(() => t.v1.send(new CreateApiKeyCommand({ name: "u2", value })));
    expect(dup.name).toBe("ConflictException");
    expect(dup.$metadata?.httpStatusCode).toBe(409);
    const short = await errorOf(() => t.v1.send(new CreateApiKeyCommand({ name: "u3", value: "short" })));
    expect(short.name).toBe("BadRequestException");
  });

  it("hides values unless asked, filters by name prefix and customerId", async () => {
    await t.v1.send(new CreateApiKeyCommand({ name: "tenant-a", customerId: "acme" }));
    await t.v1.send(new CreateApiKeyCommand({ name: "tenant-b", customerId: "other" }));
    const hidden = await t.v1.send(new GetApiKeysCommand({ nameQuery: "tenant" }));
    expect(hidden.items?.map((k) => k.name).sort()).toEqual(["tenant-a", "tenant-b"]);
    expect(hidden.items?.every((k) => k.value === undefined)).toBe(true);
    const shown = await t.v1.send(
      new GetApiKeysCommand({ nameQuery: "tenant", includeValues: true, customerId: "acme" }),
    );
    expect(shown.items?.length).toBe(1);
    expect(shown.items?.[0]?.value).toMatch(/^[A-Za-z0-9]{40}$/);
    const raw = (await (await t.raw("/apikeys?name=tenant-a")).json()) as { item: unknown[] };
    expect(raw.item.length).toBe(1);
    const one = await t.v1.send(new GetApiKeyCommand({ apiKey: shown.items![0]!.id, includeValue: true }));
    expect(one.value).toBe(shown.items![0]!.value);
  });

  it("updates name, description, enabled and customerId; refuses other paths with AWS's text", async () => {
    const k = await t.v1.send(new CreateApiKeyCommand({ name: "upd" }));
    const u = await t.v1.send(
      new UpdateApiKeyCommand({
        apiKey: k.id,
        patchOperations: [
          { op: "replace", path: "/name", value: "renamed" },
          { op: "replace", path: "/description", value: "d" },
          { op: "replace", path: "/enabled", value: "true" },
          { op: "replace", path: "/customerId", value: "cust" },
        ],
      }),
    );
    expect(u).toMatchObject({
      name: "renamed",
      description: "d",
      enabled: true,
      customerId: "cust",
      tags: {},
    });
    expect(u.value).toBeUndefined();
    const e = await errorOf(() =>
      t.v1.send(
        new UpdateApiKeyCommand({
          apiKey: k.id,
          patchOperations: [{ op: "replace", path: "/value", value: "x" }],
        }),
      ),
    );
    expect(e.message).toBe(
      "Invalid patch path  '/value' specified for op 'replace'. Must be one of: [/description, /enabled, /name, /customerId]",
    );
  });

  it("deletes with 202 and then answers 404", async () => {
    const k = await t.v1.send(new CreateApiKeyCommand({ name: "del" }));
    const res = await t.v1.send(new DeleteApiKeyCommand({ apiKey: k.id }));
    expect(res.$metadata.httpStatusCode).toBe(202);
    const e = await errorOf(() => t.v1.send(new GetApiKeyCommand({ apiKey: k.id })));
    expect(e.name).toBe("NotFoundException");
    expect(e.message).toBe("Invalid API Key identifier specified");
  });

  it("imports keys from CSV (any header case/order, quoted plan ids, overwrite by value, warnings)", async () => {
    const plan = await t.v1.send(new CreateUsagePlanCommand({ name: "import-plan" }));
    const v1 = "imported-key-value-0123456789-aaaa";
    const csv = [
      "Enabled,Name,key,UsageplanIds,description",
      `true,imp-1,${v1},"${plan.id}",first`,
      `false,imp-2,imported-key-value-0123456789-bbbb,,second`,
      `true,too-short,short-value-123456789,,bad`,
    ].join("\n");
    const res = await t.v1.send(
      new ImportApiKeysCommand({ body: new TextEncoder().encode(csv), format: "csv" }),
    );
    expect(res.ids?.length).toBe(2);
    expect(res.warnings?.length).toBe(1);
    const keys = await t.v1.send(new GetApiKeysCommand({ nameQuery: "imp-", includeValues: true }));
    expect(keys.items?.find((k) => k.name === "imp-2")?.enabled).toBe(false);
    const planKeys = await t.v1.send(new GetUsagePlanKeysCommand({ usagePlanId: plan.id }));
    expect(planKeys.items?.map((k) => k.value)).toEqual([v1]);
    const again = await t.v1.send(
      new ImportApiKeysCommand({
        body: new TextEncoder().encode(`key,name\n${v1},imp-1-renamed`),
        format: "csv",
      }),
    );
    expect(again.ids).toEqual([res.ids![0]]);
    const strict = await errorOf(() =>
      t.v1.send(
        new ImportApiKeysCommand({
          body: new TextEncoder().encode("key,name\nshort,x"),
          format: "csv",
          failOnWarnings: true,
        }),
      ),
    );
    expect(strict.name).toBe("BadRequestException");
    const noCols = await errorOf(() =>
      t.v1.send(new ImportApiKeysCommand({ body: new TextEncoder().encode("a,b\n1,2"), format: "csv" })),
    );
    expect(noCols.message).toContain("Name and Key");
  });
});
