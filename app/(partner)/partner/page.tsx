import type { Metadata } from "next";
import { KeyRound } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/lists/data-table";
import { requirePermission } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";
import { formatDate, formatDateTime } from "@/lib/format";
import { Countdown } from "./_components/countdown";
import { can } from "@/lib/auth/permissions";
import { CreateKeyDialog } from "./_components/create-key-dialog";
import { KeyActions } from "./_components/key-actions";
import { RevealedKeyDialog } from "./_components/revealed-key";
import { loadMyKeys, loadMyRotations } from "@/lib/keys/loaders";
import { loadMyPlans } from "@/lib/plans/loaders";

export const metadata: Metadata = { title: "API keys" };

const STATUS = {
  ACTIVE: ["Active", "success"],
  DISABLED: ["Revoked", "warning"],
  DELETED: ["Deleted", "secondary"],
} as const;

export default async function PartnerKeysPage() {
  const actor = await requirePermission("partner.view");
  // Members see the same keys; only owners revoke or delete them.
  const retire = can(actor.role, "keys.revoke");
  const [keys, rotations, plans] = await Promise.all([
    loadMyKeys(actor),
    loadMyRotations(actor),
    loadMyPlans(actor),
  ]);
  const atLimit = keys.length >= env.PARTNER_KEY_LIMIT;
  const rotatedIds = new Set(keys.filter((k) => k.graceUntil).map((k) => k.id));
  const replacementOf = new Map(
    keys.flatMap((k) => (k.rotatedFromId ? [[k.rotatedFromId, k.id] as const] : [])),
  );
  return (
    <>
      <PageHeader
        title={`API keys · ${actor.kind === "partner" ? actor.tenantName : ""}`}
        description={`An API key identifies your application to the API: send it in the x-api-key header. Your organisation may have up to ${env.PARTNER_KEY_LIMIT} keys (${keys.length} now).`}
        actions={<CreateKeyDialog disabled={atLimit || plans.length === 0} />}
      />
      <RevealedKeyDialog />
      {plans.length === 0 ? (
        <p className="mb-4 text-sm text-muted-foreground">
          Your organisation is not on a usage plan yet, so new keys would not work. Your API provider
          subscribes you to one.
        </p>
      ) : null}
      {keys.length === 0 ? (
        <EmptyState
          icon={<KeyRound />}
          title="No API keys yet"
          description="Create a key for each application or environment that calls the API."
        />
      ) : (
        <DataTable
          caption="Your organisation's API keys"
          rows={keys}
          rowKey={(k) => k.id}
          rowProps={(k) => ({ "data-testid": `key-${k.id}` })}
          columns={[
            {
              header: "Label",
              primary: true,
              cell: (k) => (
                <>
                  {k.label}
                  {k.rotatedFromId && rotatedIds.has(k.rotatedFromId) ? (
                    <span className="font-normal text-muted-foreground"> (replacement)</span>
                  ) : k.graceUntil ? (
                    <span className="font-normal text-muted-foreground"> (replaced)</span>
                  ) : null}
                  <div className="font-mono text-xs font-normal break-all text-muted-foreground">{k.id}</div>
                </>
              ),
            },
            { header: "Environment", cell: (k) => k.environment },
            {
              header: "Status",
              cell: (k) => (
                <Badge variant={STATUS[k.status][1]}>
                  {k.disabledBySuspension ? "Suspended" : STATUS[k.status][0]}
                </Badge>
              ),
            },
            { header: "Created", cell: (k) => formatDate(k.createdAt) },
            {
              header: "Expires",
              cell: (k) => (
                <span data-testid="key-expires">
                  {k.status !== "ACTIVE" ? (
                    // A revoked (or suspended) key already stopped working: no countdown to its grace end.
                    <span className="text-muted-foreground">Stopped working</span>
                  ) : k.graceUntil ? (
                    <Countdown until={k.graceUntil} />
                  ) : (
                    "Never"
                  )}
                </span>
              ),
            },
            { header: "Last used", cell: (k) => k.lastUsedDay ?? "Not yet" },
            {
              header: "Actions",
              actions: true,
              cell: (k) => (
                <KeyActions
                  canRetire={retire}
                  k={{ id: k.id, label: k.label, status: k.status, rotated: Boolean(k.graceUntil) }}
                />
              ),
            },
          ]}
        />
      )}
      {rotations.length > 0 ? (
        <section className="mt-8" aria-labelledby="rotations">
          <h2 id="rotations" className="mb-2 text-lg font-semibold">
            Rotation history
          </h2>
          <ul className="grid gap-1 text-sm">
            {rotations.map((r) => (
              <li key={r.id}>
                {formatDateTime(r.rotatedAt ?? r.createdAt)}: <span className="font-medium">{r.label}</span> —
                old key <span className="font-mono">{r.id}</span> replaced by{" "}
                {replacementOf.has(r.id) ? (
                  <>
                    <span className="font-mono">{replacementOf.get(r.id)}</span> (replacement)
                  </>
                ) : (
                  "a new key"
                )}
                ; old key{" "}
                {r.status === "DELETED"
                  ? "deleted"
                  : r.status === "DISABLED"
                    ? "revoked"
                    : `works until ${formatDateTime(r.graceUntil ?? r.createdAt)}`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
