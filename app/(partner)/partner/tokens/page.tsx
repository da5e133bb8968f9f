import type { Metadata } from "next";
import { CreateTokenDialog } from "@/components/tokens/create-token-dialog";
import { TokenTable } from "@/components/tokens/token-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { API_SCOPES } from "@/lib/auth/permissions-api";
import { loadApiTokens } from "@/lib/tokens/loaders";

export const metadata: Metadata = { title: "API tokens" };

export default async function PartnerTokensPage() {
  const actor = await requirePermission("tokens.self");
  const tokens = await loadApiTokens(actor);
  const scopes = Object.entries(API_SCOPES)
    .filter(([, s]) => s.audience !== "staff")
    .map(([name, s]) => ({ name, ...s }));
  return (
    <>
      <PageHeader
        title="API tokens"
        description="A token lets your own systems manage your organisation's API keys and read its usage and invoices through Tollgate's automation API, for example from your sign-up flow. It reaches only your organisation."
        actions={<CreateTokenDialog audience="tenant" scopes={scopes} tenants={[]} />}
      />
      <TokenTable tokens={tokens} audience="tenant" />
    </>
  );
}
