// Partner alerts (issue 16 §4): opt-in per user and kind, each alert mailed once per event however often and however
// concurrently the job runs, an unsubscribe link that works without a session and does nothing else.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addSubscription, savePlanSnapshots } from "@/lib/db/subscriptions";
import { setOptIn } from "@/lib/db/alerts";
import { dayOf, now } from "@/lib/clock";
import { runPartnerAlerts } from "@/lib/alerts/evaluate";
import { unsubscribeWithToken } from "@/lib/alerts/commands";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/alerts/unsubscribe-token";
import { makeActor, makeTenant, uid } from "./fixtures";

const mailsTo = (to: string) => db.outboxMail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

async function tenantWithQuota(limit: number) {
  const tenant = await makeTenant();
  const planId = `plan${uid()}`;
  await savePlanSnapshots(
    [
      {
        id: planId,
        name: `Quota plan ${planId}`,
        description: null,
        rateLimit: 10,
        burstLimit: 10,
        quota: { limit, period: "DAY", offset: 0 },
        apiStages: [],
      },
    ],
    { complete: false },
  );
  await addSubscription(tenant.id, planId, now());
  const keyId = `key${uid()}`;
  await db.apiKeyRecord.create({
    data: { id: keyId, tenantId: tenant.id, label: "Checkout", environment: "test" },
  });
  const setUsage = (requests: number) =>
    db.usageDaily.upsert({
      where: { apiKeyId_usagePlanId_day: { apiKeyId: keyId, usagePlanId: planId, day: dayOf(now()) } },
      create: { apiKeyId: keyId, usagePlanId: planId, day: dayOf(now()), tenantId: tenant.id, requests },
      update: { requests },
    });
  return { tenant, planId, keyId, setUsage };
}

describe("quota alerts", () => {
  let fx: Awaited<ReturnType<typeof tenantWithQuota>>;
  beforeEach(async () => {
    fx = await tenantWithQuota(1000);
  });

  it("mails 80 % once, then 100 % once, however often and concurrently the job runs", async () => {
    const alice = await makeActor("partner", fx.tenant.id);
    const quiet = await makeActor("partner", fx.tenant.id); // did not opt in
    const stranger = await makeActor("partner"); // opted in, other tenant
    await setOptIn(alice.id, "quota", true);
    await setOptIn(stranger.id, "quota", true);
    await fx.setUsage(799);
    await runPartnerAlerts();
    expect(await mailsTo(alice.email)).toHaveLength(0);
    await fx.setUsage(850);
    await Promise.all([runPartnerAlerts(), runPartnerAlerts(), runPartnerAlerts()]);
    await runPartnerAlerts();
    let mails = await mailsTo(alice.email);
    expect(mails.map((m) => m.subject)).toEqual(['Key "Checkout" has used 80 % of its daily quota']);
    expect(mails[0]!.text).toContain("850 of the 1,000 requests");
    await fx.setUsage(1000);
    await Promise.all([runPartnerAlerts(), runPartnerAlerts()]);
    await runPartnerAlerts();
    mails = await mailsTo(alice.email);
    expect(mails.map((m) => m.subject)).toEqual([
      'Key "Checkout" has used 80 % of its daily quota',
      'Key "Checkout" has used its whole daily quota',
    ]);
    expect(await mailsTo(quiet.email)).toHaveLength(0);
    expect(await mailsTo(stranger.email)).toHaveLength(0);
  });

  it("jumping straight past 100 % sends only the 100 % alert", async () => {
    const bob = await makeActor("partner", fx.tenant.id);
    await setOptIn(bob.id, "quota", true);
    await fx.setUsage(1200);
    await runPartnerAlerts();
    await runPartnerAlerts();
    expect((await mailsTo(bob.email)).map((m) => m.subject)).toEqual([
      'Key "Checkout" has used its whole daily quota',
    ]);
  });
});

describe("rotation alerts", () => {
  it("warns 24 h and 1 h before a rotated key's old value stops, each once", async () => {
    const tenant = await makeTenant();
    const carol = await makeActor("partner", tenant.id);
    await setOptIn(carol.id, "rotation", true);
    const keyId = `old${uid()}`;
    const graceUntil = new Date(now().getTime() + 23 * 3_600_000);
    await db.apiKeyRecord.create({
      data: {
        id: keyId,
        tenantId: tenant.id,
        label: "Legacy",
        environment: "test",
        rotatedAt: now(),
        graceUntil,
      },
    });
    await Promise.all([runPartnerAlerts(), runPartnerAlerts()]);
    await runPartnerAlerts();
    expect((await mailsTo(carol.email)).map((m) => m.subject)).toEqual([
      'The old value of key "Legacy" stops working in 24 hours',
    ]);
    // 40 minutes before the end: the 1 h warning, once.
    const later = new Date(graceUntil.getTime() - 40 * 60_000);
    await Promise.all([runPartnerAlerts(later), runPartnerAlerts(later)]);
    await runPartnerAlerts(new Date(later.getTime() + 60_000));
    // Once the window is over nothing more is sent.
    await runPartnerAlerts(new Date(graceUntil.getTime() + 1));
    const subjects = (await mailsTo(carol.email)).map((m) => m.subject);
    expect(subjects).toEqual([
      'The old value of key "Legacy" stops working in 24 hours',
      'The old value of key "Legacy" stops working in 1 hour',
    ]);
  });
});

describe("unsubscribe links", () => {
  it("turn one kind off for the mail's user without a session, and refuse anything not signed here", async () => {
    const tenant = await makeTenant();
    const dave = await makeActor("partner", tenant.id);
    await setOptIn(dave.id, "quota", true);
    await setOptIn(dave.id, "rotation", true);
    const token = unsubscribeToken(dave.id, "quota");
    expect(readUnsubscribeToken(token)).toEqual({ userId: dave.id, kind: "quota" });
    // Tampering with the user or the kind breaks the signature.
    const [payload, sig] = token.split(".");
    const forged = `${Buffer.from(`${dave.id}:rotation`).toString("base64url")}.${sig}`;
    await expect(unsubscribeWithToken(forged)).rejects.toMatchObject({ code: "invalid" });
    await expect(unsubscribeWithToken(`${payload}.${"A".repeat(sig!.length)}`)).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(unsubscribeWithToken("garbage")).rejects.toMatchObject({ code: "invalid" });
    expect((await db.alertOptIn.findMany({ where: { userId: dave.id } })).map((o) => o.kind).sort()).toEqual([
      "quota",
      "rotation",
    ]);
    await unsubscribeWithToken(token);
    await unsubscribeWithToken(token); // twice is harmless
    expect((await db.alertOptIn.findMany({ where: { userId: dave.id } })).map((o) => o.kind)).toEqual([
      "rotation",
    ]);
  });

  it("is in every alert mail, for that mail's kind", async () => {
    const fx = await tenantWithQuota(10);
    const erin = await makeActor("partner", fx.tenant.id);
    await setOptIn(erin.id, "quota", true);
    await fx.setUsage(9);
    await runPartnerAlerts();
    const [mail] = await mailsTo(erin.email);
    const token = /\/unsubscribe#([A-Za-z0-9_.-]+)/.exec(mail!.text)?.[1];
    expect(readUnsubscribeToken(token ?? "")).toEqual({ userId: erin.id, kind: "quota" });
  });
});
