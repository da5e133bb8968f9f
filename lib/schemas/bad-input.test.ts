import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/db/tenants";
import { parseAuditQuery } from "./audit";
import { addPlanVersionSchema, day } from "./finance";
import { planSchema } from "./keys";
import { parsePage } from "./paging";
import { toPlanInput } from "./plan-input";
import { updateHttpStageSchema, updateStageSchema } from "./stages";
import { createTenantSchema } from "./tenants";

// Each finding of issue 13's "bad input" list: refused with a specific message, never coerced, never thrown.
const plan = { name: "Gold", rateLimit: "10", burstLimit: "20", quotaPeriod: "MONTH", apiStages: [] };
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe("usage plan numbers", () => {
  it("an empty quota is no quota; 0 is refused, saying what it would do", () => {
    const r = planSchema.safeParse({ ...plan, quotaLimit: "" });
    expect(r.success && toPlanInput(r.data).quotaLimit).toBeUndefined();
    expect(messages(planSchema.safeParse({ ...plan, quotaLimit: 0 }))).toEqual([
      "A quota of 0 would refuse every request; leave the field empty for no quota.",
    ]);
    expect(planSchema.safeParse({ ...plan, quotaLimit: "5000" }).data?.quotaLimit).toBe(5000);
  });

  it.each([null, "", true, [], "0x10", "1e3", " ", "12abc", {}])(
    "rateLimit %j is refused, not coerced",
    (v) => {
      const m = messages(planSchema.safeParse({ ...plan, rateLimit: v }));
      expect(m.join(" ")).toMatch(/Enter the rate as a (whole )?number/);
    },
  );

  it("a rate of 0 is refused with what it would mean", () => {
    expect(messages(planSchema.safeParse({ ...plan, rateLimit: 0, burstLimit: 0 }))[0]).toMatch(
      /would refuse every request/,
    );
  });

  it("stage throttles refuse null/boolean/empty too", () => {
    for (const v of [null, "", true, []]) {
      const r = updateStageSchema.safeParse({
        restApiId: "a",
        stageName: "prod",
        version: "v",
        change: {
          kind: "throttling",
          target: { resourcePath: "*", httpMethod: "*" },
          rateLimit: v,
          burstLimit: 5,
        },
      });
      expect(r.success, JSON.stringify(v)).toBe(false);
    }
  });
});

describe("dates", () => {
  it.each(["2026-13-01", "2026-02-30", "2026-00-10", "9999-99-99"])("%s is refused, not thrown", (d) => {
    expect(() => day.safeParse(d)).not.toThrow();
    expect(messages(day.safeParse(d))).toEqual(["This date does not exist."]);
  });

  it("the audit page names an impossible date instead of failing", () => {
    const { query, errors } = parseAuditQuery({ from: "2026-13-45", to: "2026-01-31", page: "1e300" });
    expect(errors.from).toMatch(/not a real day/);
    expect(query.from).toBeUndefined();
    expect(query.to?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(query.page).toBe(1);
    expect(parseAuditQuery({}).query).toMatchObject({ page: 1 });
    expect(parseAuditQuery({ page: "3" }).query).toMatchObject({ page: 3 });
  });
});

describe("counts and tier bounds", () => {
  const version = (includedRequests: string, upTo: string) =>
    addPlanVersionSchema.safeParse({
      planId: "p1",
      effectiveFrom: "2026-01-01",
      baseFee: "0",
      includedRequests,
      minimumCharge: "0",
      tierMode: "GRADUATED",
      tiers: [
        { upTo, price: "1" },
        { upTo: "", price: "0.5" },
      ],
    });
  it.each(["1,2,3", "0x10", "1e3", "12.5", "-1"])("includedRequests %s is refused", (v) => {
    expect(messages(version(v, "1000"))[0]).toMatch(/whole number of requests/);
  });
  it.each(["0x10", "1e3", "1,2,3"])("tier bound %s is refused", (v) => {
    expect(messages(version("0", v))).toContain("Tier bounds are whole numbers of requests.");
  });
  it("plain digits and real thousands groups are counts", () => {
    expect(version("1,000,000", "2,000,000").data?.includedRequests).toBe(1_000_000);
  });
});

describe("pages, stage names, tenant names", () => {
  it.each([
    ["1e300", 1],
    ["-1", 1],
    ["abc", 1],
    ["99999999", 10_000],
    ["3", 3],
  ])("page %s → %i", (raw, page) => expect(parsePage(raw)).toBe(page));

  it.each(["prod/../x", "a b", "../", "x".repeat(129), ""])("HTTP stage name %j is refused", (stageName) => {
    const r = updateHttpStageSchema.safeParse({
      apiId: "a",
      stageName,
      version: "v",
      change: { kind: "auto-deploy", autoDeploy: true },
    });
    expect(r.success).toBe(false);
  });
  it("$default and plain names are HTTP stage names", () => {
    for (const stageName of ["$default", "prod", "v2_beta-1"])
      expect(
        updateHttpStageSchema.safeParse({
          apiId: "a",
          stageName,
          version: "v",
          change: { kind: "auto-deploy", autoDeploy: true },
        }).success,
      ).toBe(true);
  });

  it("tenant names in any script are accepted and get a working slug", () => {
    for (const [name, slug] of [
      ["東京トラベル", "東京トラベル"],
      ["Ωmega Λtd", "ωmega-λtd"],
      ["Café Zürich", "cafe-zurich"],
      ["서울 여행", "서울-여행"],
      ["שלום בע״מ", "שלום-בע-מ"],
    ]) {
      expect(createTenantSchema.safeParse({ name }).success, name).toBe(true);
      expect(slugify(name!)).toBe(slug);
    }
    expect(messages(createTenantSchema.safeParse({ name: "--" }))[0]).toMatch(/letter or digit/);
    expect(messages(createTenantSchema.safeParse({ name: "Acme\u202eevil" }))[0]).toMatch(/invisible/);
  });
});
