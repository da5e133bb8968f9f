import { KeySquare } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { ApiTokenDto } from "@/lib/tokens/loaders";
import { RevokeTokenButton } from "./revoke-token-button";

const STATE = {
  active: ["Active", "success"],
  expired: ["Expired", "warning"],
  revoked: ["Revoked", "secondary"],
} as const;

/** The token list of /ops/tokens and /partner/tokens (values are never shown again: only the prefix). */
export function TokenTable({ tokens, audience }: { tokens: ApiTokenDto[]; audience: "staff" | "tenant" }) {
  if (tokens.length === 0)
    return (
      <EmptyState
        icon={<KeySquare />}
        title="No API tokens yet"
        description="Create a token for each pipeline or script that calls the automation API."
      />
    );
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Scopes</TableHead>
            {audience === "staff" ? <TableHead>Acts for</TableHead> : null}
            <TableHead>Status</TableHead>
            <TableHead>Expires</TableHead>
            <TableHead>Last used</TableHead>
            <TableHead className="text-right">Actions</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tokens.map((t) => {
            const [label, variant] = STATE[t.state];
            return (
              <TableRow key={t.id} data-testid={`token-${t.id}`}>
                <TableCell className="font-medium">
                  {t.name}
                  <div className="font-mono text-xs text-muted-foreground">{t.prefix}…</div>
                  {t.ipAllowList.length ? (
                    <div className="text-xs text-muted-foreground">From {t.ipAllowList.join(", ")}</div>
                  ) : null}
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {t.scopes.map((s) => (
                      <Badge key={s} variant="secondary" className="font-mono">
                        {s}
                      </Badge>
                    ))}
                  </div>
                </TableCell>
                {audience === "staff" ? <TableCell>{t.tenantName ?? "Staff"}</TableCell> : null}
                <TableCell>
                  <Badge variant={variant}>{label}</Badge>
                </TableCell>
                <TableCell>{t.expiresAt ? formatDateTime(t.expiresAt) : "Never"}</TableCell>
                <TableCell>
                  {t.lastUsedAt
                    ? `${formatDateTime(t.lastUsedAt)}${t.lastUsedIp ? ` from ${t.lastUsedIp}` : ""}`
                    : "Never"}
                </TableCell>
                <TableCell className="text-right">
                  {t.revokedAt ? null : <RevokeTokenButton audience={audience} token={t} />}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
