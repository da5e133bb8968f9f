import { describe, expect, it } from "vitest";
import { makeTenant, uid } from "@/test/fixtures";
import { db } from "./client";
import {
  getPortalDoc,
  lastPortalChange,
  listPortalChanges,
  recordPortalChange,
  savePortalDoc,
  tenantsWithUsage,
} from "./portal";

describe("portal tables", () => {
  it("keeps the first document of a deployment (parallel writers from two replicas change nothing)", async () => {
    const api = `api${uid()}`;
    await Promise.all([
      savePortalDoc(api, "d1", "prod", { openapi: "3.0.1", info: { title: "one" } }),
      savePortalDoc(api, "d1", "prod", { openapi: "3.0.1", info: { title: "one" } }),
    ]);
    await savePortalDoc(api, "d1", "prod", { openapi: "3.0.1", info: { title: "two" } });
    expect(await getPortalDoc(api, "d1")).toEqual({ openapi: "3.0.1", info: { title: "one" } });
    expect(await getPortalDoc(api, "d2")).toBeNull();
  });

  it("records one entry per stage and deployment; the baseline is not listed for partners", async () => {
    const api = `api${uid()}`;
    const row = (from: string | null, to: string) => ({
      restApiId: api,
      stageName: "prod",
      fromDeploymentId: from,
      toDeploymentId: to,
      changes: [],
      breaking: false,
    });
    await recordPortalChange(row(null, "d1"), new Date("2026-01-01T00:00:00Z"));
    await recordPortalChange(row("d1", "d2"), new Date("2026-01-02T00:00:00Z"));
    await recordPortalChange(row("d1", "d2"), new Date("2026-01-02T00:00:00Z"));
    expect((await lastPortalChange(api, "prod"))?.toDeploymentId).toBe("d2");
    expect((await listPortalChanges(api, "prod")).map((c) => c.toDeploymentId)).toEqual(["d2"]);
    // A rollback to d1 moves its entry to now, compared with d2.
    await recordPortalChange(row("d2", "d1"), new Date("2026-01-03T00:00:00Z"));
    expect((await lastPortalChange(api, "prod"))?.fromDeploymentId).toBe("d2");
    expect((await listPortalChanges(api, "prod")).map((c) => c.toDeploymentId)).toEqual(["d1", "d2"]);
  });

  it("names each tenant with requests on the plans since a day once, and no one for no plans", async () => {
    const [a, b] = await Promise.all([makeTenant(), makeTenant()]);
    const plan = `plan-${uid()}`;
    const k = uid();
    await db.usageDaily.createMany({
      data: [
        { apiKeyId: `${k}-1`, usagePlanId: plan, tenantId: a.id, day: "2026-03-01", requests: 4 },
        { apiKeyId: `${k}-2`, usagePlanId: plan, tenantId: a.id, day: "2026-03-02", requests: 1 },
        { apiKeyId: `${k}-3`, usagePlanId: plan, tenantId: b.id, day: "2026-01-01", requests: 9 },
        { apiKeyId: `${k}-4`, usagePlanId: plan, tenantId: b.id, day: "2026-03-02", requests: 0 },
      ],
    });
    expect(await tenantsWithUsage([plan], "2026-02-01")).toEqual([a.name]);
    expect(await tenantsWithUsage([], "2026-02-01")).toEqual([]);
  });
});
