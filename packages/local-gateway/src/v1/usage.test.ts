import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  GetUsageCommand,
  UpdateUsageCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startTestGateway, type TestGateway } from "../test-helpers";
import { record } from "../usage";
import { deployedApi } from "./test-fixtures";

let t: TestGateway;
let planId: string;
let keyIds: string[];
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestGateway();
  t.clock.set(Date.UTC(2026, 8, 3, 10)); // 2026-09-03
  const api = await deployedApi(t.v1, "prod");
  const plan = await t.v1.send(
    new CreateUsagePlanCommand({
      name: "metered",
      apiStages: [{ apiId: api.apiId, stage: "prod" }],
      quota: { limit: 1000, offset: 0, period: "MONTH" },
    }),
  );
  planId = plan.id!;
  keyIds = [];
  for (let i = 0; i < 3; i++) {
    const k = await t.v1.send(new CreateApiKeyCommand({ name: `u${i}`, enabled: true }));
    await t.v1.send(new CreateUsagePlanKeyCommand({ usagePlanId: planId, keyId: k.id, keyType: "API_KEY" }));
    keyIds.push(k.id!);
  }
  const now = t.clock.now();
  for (let i = 0; i < 5; i++) record(t.gw.state, planId, keyIds[0]!, now - DAY); // 09-02
  for (let i = 0; i < 3; i++) record(t.gw.state, planId, keyIds[0]!, now); // 09-03
});
afterAll(() => t.stop());

describe("GetUsage / UpdateUsage", () => {
  it("returns one [used, remaining] pair per day under the wire key values", async () => {
    const res = await t.raw(
      `/usageplans/${planId}/usage?startDate=2026-09-01&endDate=2026-09-04&keyId=${keyIds[0]}`,
    );
    const json = (await res.json()) as Record<string, unknown>;
    expect(json).toEqual({
      usagePlanId: planId,
      startDate: "2026-09-01",
      endDate: "2026-09-04",
      values: {
        [keyIds[0]!]: [
          [0, 1000],
          [5, 995],
          [3, 992],
          [0, 992],
        ],
      },
    });
    const sdk = await t.v1.send(
      new GetUsageCommand({ usagePlanId: planId, startDate: "2026-09-01", endDate: "2026-09-01" }),
    );
    expect(Object.keys(sdk.items ?? {}).sort()).toEqual([...keyIds].sort());
  });

  it("pages over keys with position/limit", async () => {
    const first = await t.v1.send(
      new GetUsageCommand({ usagePlanId: planId, startDate: "2026-09-01", endDate: "2026-09-01", limit: 2 }),
    );
    expect(Object.keys(first.items ?? {}).length).toBe(2);
    expect(first.position).toBeTruthy();
    const second = await t.v1.send(
      new GetUsageCommand({
        usagePlanId: planId,
        startDate: "2026-09-01",
        endDate: "2026-09-01",
        limit: 2,
        position: first.position,
      }),
    );
    expect(Object.keys(second.items ?? {}).length).toBe(1);
    expect(second.position).toBeUndefined();
  });

  it("answers 404 for a key not in the plan and 400 for bad dates", async () => {
    const e = await errorOf(() =>
      t.v1.send(
        new GetUsageCommand({
          usagePlanId: planId,
          keyId: "nope",
          startDate: "2026-09-01",
          endDate: "2026-09-02",
        }),
      ),
    );
    expect(e.name).toBe("NotFoundException");
    expect(e.message).toBe("Invalid Key identifier specified");
    const bad = await errorOf(() =>
      t.v1.send(new GetUsageCommand({ usagePlanId: planId, startDate: "2026-9-1", endDate: "2026-09-02" })),
    );
    expect(bad.name).toBe("BadRequestException");
  });

  it("sets the remaining requests of the current period", async () => {
    const u = await t.v1.send(
      new UpdateUsageCommand({
        usagePlanId: planId,
        keyId: keyIds[1],
        patchOperations: [{ op: "replace", path: "/remaining", value: "50" }],
      }),
    );
    expect(u.items?.[keyIds[1]!]?.at(-1)).toEqual([0, 50]);
    const raw = (await (
      await t.raw(`/usageplans/${planId}/usage?startDate=2026-09-03&endDate=2026-09-03&keyId=${keyIds[1]}`)
    ).json()) as {
      values: Record<string, number[][]>;
    };
    expect(raw.values[keyIds[1]!]).toEqual([[0, 50]]);
    const e = await errorOf(() =>
      t.v1.send(
        new UpdateUsageCommand({
          usagePlanId: planId,
          keyId: keyIds[1],
          patchOperations: [{ op: "replace", path: "/used", value: "1" }],
        }),
      ),
    );
    expect(e.name).toBe("BadRequestException");
  });
});
