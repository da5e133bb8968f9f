import { describe, expect, it } from "vitest";
import { apisQuerySchema, invoicesQuerySchema, keysQuerySchema, tenantsQuerySchema } from "./list-params";

describe("list pages' search params", () => {
  it("keeps good values", () => {
    expect(keysQuerySchema.parse({ q: " abc ", status: "DISABLED", tenant: "t_1-x", page: "3" })).toEqual({
      q: "abc",
      status: "DISABLED",
      tenant: "t_1-x",
      page: 3,
    });
    expect(invoicesQuerySchema.parse({ month: "2026-02", status: "VOID", page: "2" })).toEqual({
      month: "2026-02",
      status: "VOID",
      page: 2,
    });
    expect(apisQuerySchema.parse({ q: "Pay", kind: "HTTP" })).toEqual({ q: "Pay", kind: "HTTP" });
  });

  it("ignores values the page does not offer instead of failing", () => {
    expect(keysQuerySchema.parse({ status: "active", tenant: "../etc", q: "   " })).toEqual({
      q: undefined,
      status: undefined,
      tenant: undefined,
      page: 1,
    });
    expect(tenantsQuerySchema.parse({ status: "DELETED" })).toEqual({ q: undefined, status: undefined });
    expect(invoicesQuerySchema.parse({ month: "2026-13" }).month).toBeUndefined();
    expect(apisQuerySchema.parse({ kind: "SOAP" }).kind).toBeUndefined();
  });

  it("clamps page numbers and treats non-numbers as page 1", () => {
    expect(keysQuerySchema.parse({ page: "0" }).page).toBe(1);
    expect(keysQuerySchema.parse({ page: "-4" }).page).toBe(1);
    expect(keysQuerySchema.parse({ page: "abc" }).page).toBe(1);
    expect(invoicesQuerySchema.parse({ page: "9999999" }).page).toBe(100_000);
    expect(invoicesQuerySchema.parse({}).page).toBe(1);
  });

  it("cuts long text and takes the first of a repeated parameter", () => {
    expect(keysQuerySchema.parse({ q: "x".repeat(200) }).q).toHaveLength(60);
    expect(tenantsQuerySchema.parse({ q: ["first", "second"] }).q).toBe("first");
  });
});
