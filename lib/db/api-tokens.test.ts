// Automation API tokens and idempotency keys on both databases: a key is claimed once even by parallel requests,
// a tenant's tokens are invisible to another tenant, and last use is written at most once a minute.
import { describe, expect, it } from "vitest";
import { makeActor, makeTenant, uid } from "@/test/fixtures";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  insertApiToken,
  listApiTokens,
  releaseIdempotencyKey,
  revokeApiTokenRow,
  touchApiToken,
} from "./api-tokens";
import { db } from "./client";

const tokenData = (tenantId: string | null) => ({
  name: `Spec ${uid()}`,
  prefix: "tg_abcdefg",
  tokenHash: `hash-${uid()}-${uid()}`,
  scopes: ["keys.self"],
  ipAllowList: [],
  tenantId,
});

describe("idempotency keys", () => {
  it("claims a key once under parallel requests, replays it, frees it after an unexpected failure", async () => {
    const tokenId = `tok-${uid()}`;
    const at = new Date();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => claimIdempotencyKey(tokenId, "k1", "h1", at)),
    );
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.filter((r) => r !== null).every((r) => r!.status === null)).toBe(true);
    await completeIdempotencyKey(tokenId, "k1", 201, '{"id":"r1"}');
    expect(await claimIdempotencyKey(tokenId, "k1", "h1", at)).toMatchObject({
      status: 201,
      body: '{"id":"r1"}',
    });

    expect(await claimIdempotencyKey(tokenId, "k2", "h2", at)).toBeNull();
    await releaseIdempotencyKey(tokenId, "k2");
    expect(await claimIdempotencyKey(tokenId, "k2", "h2", at)).toBeNull();
  });
  it("forgets a key after 24 hours", async () => {
    const tokenId = `tok-${uid()}`;
    const at = new Date();
    expect(await claimIdempotencyKey(tokenId, "k", "h", at)).toBeNull();
    expect(
      await claimIdempotencyKey(tokenId, "k", "other", new Date(at.getTime() + 25 * 3600_000)),
    ).toBeNull();
  });
});

describe("tokens", () => {
  it("a partner lists and revokes only its own tenant's tokens; another tenant's is not found", async () => {
    const admin = await makeActor("admin");
    const t = await makeTenant();
    const partner = await makeActor("partner", t.id);
    const other = await makeActor("partner");
    const own = await insertApiToken(partner, tokenData(t.id));
    const staffToken = await insertApiToken(admin, tokenData(null));
    expect((await listApiTokens(partner)).map((x) => x.id)).toEqual([own.id]);
    expect((await listApiTokens(other)).map((x) => x.id)).not.toContain(own.id);
    expect((await listApiTokens(admin)).map((x) => x.id)).toEqual(
      expect.arrayContaining([own.id, staffToken.id]),
    );
    await expect(revokeApiTokenRow(other, own.id, new Date())).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeApiTokenRow(partner, staffToken.id, new Date())).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await revokeApiTokenRow(partner, own.id, new Date())).toMatchObject({ state: "revoked" });
    await expect(listApiTokens(await makeActor("operator"))).rejects.toMatchObject({ code: "forbidden" });
  });
  it("writes last use at most once a minute", async () => {
    const admin = await makeActor("admin");
    const tok = await insertApiToken(admin, tokenData(null));
    const at = new Date();
    await touchApiToken(tok.id, at, "203.0.113.1");
    await touchApiToken(tok.id, new Date(at.getTime() + 10_000), "203.0.113.2");
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: tok.id } })).toMatchObject({
      lastUsedIp: "203.0.113.1",
    });
    await touchApiToken(tok.id, new Date(at.getTime() + 61_000), "203.0.113.3");
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: tok.id } })).toMatchObject({
      lastUsedIp: "203.0.113.3",
    });
  });
});
