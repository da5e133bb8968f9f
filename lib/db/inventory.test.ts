import { describe, expect, it } from "vitest";
import type { RestStageDto } from "@/lib/stages/types";
import { makeActor, makeTenant, uid } from "@/test/fixtures";
import { listAuditEvents } from "./audit";
import { db } from "./client";
import { forgetGoneKey, keyGaps, replaceKeyGaps } from "./drift";
import { recordChange, recentOutsideChanges, stageChanges, touchWatch, watchedKeys } from "./gateway-changes";
import {
  deleteRestStage,
  invApis,
  invRestApi,
  putRestStage,
  storedRestStage,
  upsertRestApi,
} from "./inventory";

const scope = () => ({ account: `acct${uid()}`, region: "us-east-1" });
const stage = (restApiId: string, deploymentId: string): RestStageDto => ({
  restApiId,
  stageName: "prod",
  description: null,
  deploymentId,
  variables: {},
  methodSettings: [],
  cacheClusterEnabled: false,
  cacheClusterSize: null,
  cacheClusterStatus: null,
  tracingEnabled: false,
  canary: null,
  createdDate: null,
  lastUpdatedDate: null,
});

describe("inventory rows", () => {
  it("keeps a stage written after a sync's read (compare-and-set on the read time)", async () => {
    const s = scope();
    const t0 = new Date(Date.now() - 10_000);
    expect(await putRestStage(s, stage("a1", "d1"), t0)).toBe(true);
    // A Tollgate write lands now…
    expect(await putRestStage(s, stage("a1", "d2"), new Date())).toBe(true);
    // …and a sync read taken before it must not overwrite it.
    expect(await putRestStage(s, stage("a1", "d1"), new Date(t0.getTime() + 1000))).toBe(false);
    expect((await storedRestStage(s, "a1", "prod"))?.deploymentId).toBe("d2");
  });

  it("keys rows by account and region", async () => {
    const a = scope();
    const b = { ...a, region: "eu-west-1" };
    const operator = await makeActor("operator");
    await upsertRestApi(
      a,
      { id: "x1", name: "shop", description: null, createdDate: null, tags: {} },
      new Date(),
    );
    expect(await invRestApi(operator, a, "x1")).not.toBeNull();
    expect(await invRestApi(operator, b, "x1")).toBeNull();
  });
});

describe("list reads (memoized per replica)", () => {
  it("show a write made through lib/db at once, however soon after the last read", async () => {
    const s = scope();
    const operator = await makeActor("operator");
    const api = { id: "m1", name: "shop", description: null, createdDate: null, tags: { team: "a" } };
    await upsertRestApi(s, api, new Date());
    expect((await invApis(operator, s)).rest.map((a) => a.stages.length)).toEqual([0]);
    await putRestStage(s, stage("m1", "d1"), new Date());
    const [withStage] = (await invApis(operator, s)).rest;
    expect(withStage?.stages).toEqual([{ restApiId: "m1", stageName: "prod", canaryPercent: null }]);
    await upsertRestApi(s, { ...api, name: "shop-renamed", tags: { team: "b" } }, new Date());
    expect((await invApis(operator, s)).rest[0]).toMatchObject({ name: "shop-renamed", tags: { team: "b" } });
    await deleteRestStage(s, "m1", "prod");
    expect((await invApis(operator, s)).rest[0]?.stages).toEqual([]);
  });

  it("still check the permission on every call", async () => {
    const s = scope();
    await invApis(await makeActor("operator"), s);
    await expect(invApis(await makeActor("finance"), s)).rejects.toThrow();
  });
});

describe("gateway changes", () => {
  it("records an outside change with an audit entry marked outside Tollgate; a Tollgate one without", async () => {
    const s = scope();
    const admin = await makeActor("admin");
    const apiId = `api${uid()}`;
    const base = { objectType: "rest-stage" as const, apiId, stageName: "prod", objectName: "shop / prod" };
    await recordChange(s, {
      ...base,
      kind: "updated",
      source: "tollgate",
      summary: ["a"],
      actorEmail: "op@x",
      windowEnd: new Date(Date.now() - 1000),
    });
    await recordChange(s, {
      ...base,
      kind: "updated",
      source: "outside",
      summary: ["canary 10 % → 0 %"],
      windowEnd: new Date(),
    });
    const list = await stageChanges(admin, s, apiId, "prod");
    expect(list.map((c) => c.source)).toEqual(["outside", "tollgate"]);
    const recent = await recentOutsideChanges(admin, s, new Date(Date.now() - 60_000));
    expect(recent.count).toBe(1);
    const audit = await listAuditEvents(admin, { target: `${apiId}/prod`, page: 1, pageSize: 10 });
    expect(audit.events).toHaveLength(1);
    expect(audit.events[0]).toMatchObject({
      action: "gateway.outside-change",
      actorEmail: "outside Tollgate",
    });
  });

  it("refuses the timeline to a partner", async () => {
    const partner = await makeActor("partner");
    await expect(stageChanges(partner, scope(), "a", "prod")).rejects.toThrow();
  });

  it("remembers recently viewed objects", async () => {
    const s = scope();
    await touchWatch(s, "rest:a1", new Date(Date.now() - 120_000));
    await touchWatch(s, "rest:a2", new Date());
    expect(await watchedKeys(s, new Date(Date.now() - 60_000))).toEqual(["rest:a2"]);
  });
});

describe("drift: key records whose AWS key is gone", () => {
  it("lists live records missing from the AWS listing and marks one deleted", async () => {
    const s = scope();
    const tenant = await makeTenant();
    const operator = await makeActor("operator");
    const [kept, gone] = [`k${uid()}`, `k${uid()}`];
    const old = new Date(Date.now() - 60_000);
    for (const id of [kept, gone])
      await db.apiKeyRecord.create({
        data: { id, tenantId: tenant.id, label: id, environment: "live", createdAt: old },
      });
    await replaceKeyGaps(s, new Set([kept]), new Date());
    const gaps = (await keyGaps(operator, s)).map((g) => g.keyId);
    expect(gaps).toContain(gone);
    expect(gaps).not.toContain(kept);
    expect(await forgetGoneKey(operator, s, gone, new Date())).toBe(true);
    expect((await db.apiKeyRecord.findUniqueOrThrow({ where: { id: gone } })).status).toBe("DELETED");
    expect(await forgetGoneKey(operator, s, gone, new Date())).toBe(false);
  });
});
