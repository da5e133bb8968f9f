import type { Metadata } from "next";
import Link from "next/link";
import { CreateTokenDialog } from "@/components/tokens/create-token-dialog";
import { TokenTable } from "@/components/tokens/token-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { API_SCOPES } from "@/lib/auth/permissions-api";
import { loadActiveTenantOptions } from "@/lib/tenants/loaders";
import { loadApiTokens } from "@/lib/tokens/loaders";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePermission("tokens.manage");
  const [tokens, tenants] = await Promise.all([loadApiTokens(actor), loadActiveTenantOptions(actor)]);
  const scopes = Object.entries(API_SCOPES).map(([name, s]) => ({ name, ...s }));
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Service tokens for the automation API and the <code>tollgate</code> CLI, used by release pipelines
            and provisioning scripts. Each token has scopes (what it may do), an optional expiry and address
            allow-list, and its own request rate. Every use is audited with the token as the actor.{" "}
            <Link href="/ops/api-docs" className="font-medium text-primary hover:underline">
              API reference
            </Link>
          </>
        }
        actions={<CreateTokenDialog audience="staff" scopes={scopes} tenants={tenants} />}
      />
      <TokenTable tokens={tokens} audience="staff" />
    </>
  );
}
