"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { revokeServiceTokenAction } from "@/lib/actions/revoke-service-token";
import { revokeTenantTokenAction } from "@/lib/actions/revoke-tenant-token";

export function RevokeTokenButton({
  audience,
  token,
}: {
  audience: "staff" | "tenant";
  token: { id: string; name: string };
}) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm">
          Revoke
        </Button>
      }
      title={`Revoke ${token.name}?`}
      description="The token stops working at once: every pipeline or script using it gets 401 Unauthorized on its next request. Rollouts it started keep running. This cannot be undone."
      confirmLabel="Revoke token"
      destructive
      onConfirm={async () => {
        const action = audience === "staff" ? revokeServiceTokenAction : revokeTenantTokenAction;
        const res = await action({ tokenId: token.id });
        if (!res.ok) return void toast.error(res.error);
        toast.success(`${token.name} revoked.`);
        router.refresh();
      }}
    />
  );
}
