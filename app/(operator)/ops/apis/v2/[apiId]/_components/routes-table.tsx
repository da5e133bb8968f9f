import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { V2RouteDto } from "@/lib/stages/types";

const AUTH: Record<string, string> = {
  NONE: "none",
  AWS_IAM: "IAM (SigV4)",
  JWT: "JWT authorizer",
  CUSTOM: "Lambda authorizer",
};

/**
 * An HTTP/WebSocket API's routes from the inventory (GetRoutes, read when the sync first saw the API and then in
 * its round-robin detail re-read, or on Refresh). `null`: not read yet.
 */
export function RoutesTable({ routes, websocket }: { routes: V2RouteDto[] | null; websocket: boolean }) {
  if (routes === null)
    return (
      <EmptyState
        titleAs="h3"
        title="Routes not read yet"
        description="The background sync reads this API's routes when it first sees the API; use Refresh to read them now."
      />
    );
  if (routes.length === 0)
    return (
      <EmptyState
        titleAs="h3"
        title="This API has no routes"
        description={
          websocket
            ? "Without routes ($connect, $default or a custom key) the API cannot answer any message."
            : "Without routes (such as GET /items or $default) every request gets 404 Not Found."
        }
      />
    );
  return (
    <Table aria-label="Routes">
      <TableHeader>
        <TableRow>
          <TableHead>Route key</TableHead>
          <TableHead>Target integration</TableHead>
          <TableHead>Authorization</TableHead>
          {/* API keys exist on WebSocket APIs only (checked on $connect); HTTP APIs have none. */}
          {websocket ? <TableHead>API key required</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {routes.map((r) => (
          <TableRow key={r.id}>
            <TableCell className="font-mono text-xs">{r.routeKey}</TableCell>
            <TableCell className="font-mono text-xs">
              {r.target ? r.target.replace(/^integrations\//, "") : "—"}
            </TableCell>
            <TableCell>{AUTH[r.authorizationType] ?? r.authorizationType}</TableCell>
            {websocket ? (
              <TableCell>{r.apiKeyRequired ? <Badge variant="outline">required</Badge> : "no"}</TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
