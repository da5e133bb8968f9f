import "server-only";
import type { InvScope } from "@/lib/db/inventory";
import { env } from "@/lib/env";

/**
 * The AWS account + region the inventory's rows belong to. No STS call (it would cost a call and fails offline):
 * AWS_ACCOUNT_ID when set; otherwise the Local Gateway's account "000000000000" in local mode and "default" in aws
 * mode — set AWS_ACCOUNT_ID before a second account is added, so rows never have to be re-keyed.
 */
export function inventoryScope(): InvScope {
  return {
    account: env.AWS_ACCOUNT_ID ?? (env.TOLLGATE_MODE === "local" ? "000000000000" : "default"),
    region: env.AWS_REGION,
  };
}
