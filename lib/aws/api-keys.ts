import "server-only";
import {
  CreateApiKeyCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  DeleteUsagePlanKeyCommand,
  GetApiKeysCommand,
  UpdateApiKeyCommand,
} from "@aws-sdk/client-api-gateway";
import { apiGateway } from "./clients";
import { aws } from "./errors";
import { definedOnly } from "@/lib/utils/defined-only";

export const TENANT_TAG = "tollgate:tenant";

export type AwsKey = { id: string; name: string; customerId: string | null; enabled: boolean };

/**
 * Creates an enabled key owned by `tenantId` (customerId and the tollgate:tenant tag). Returns the value ONCE so
 * the caller can show it; nothing here logs or stores it.
 */
export async function createAwsKey(input: {
  name: string;
  description: string;
  tenantId: string;
}): Promise<{ id: string; value: string }> {
  const out = await aws(
    () =>
      apiGateway.send(
        new CreateApiKeyCommand({
          name: input.name,
          description: input.description,
          enabled: true,
          customerId: input.tenantId,
          tags: { [TENANT_TAG]: input.tenantId },
        }),
      ),
    "API Gateway",
  );
  if (!out.id || !out.value) throw new Error("CreateApiKey returned no id or value");
  return { id: out.id, value: out.value };
}

export async function setAwsKeyEnabled(id: string, enabled: boolean): Promise<void> {
  await aws(
    () =>
      apiGateway.send(
        new UpdateApiKeyCommand({
          apiKey: id,
          patchOperations: [{ op: "replace", path: "/enabled", value: String(enabled) }],
        }),
      ),
    "API Gateway",
  );
}

/** Deletes a key; a key that is already gone counts as deleted. */
export async function deleteAwsKey(id: string): Promise<void> {
  try {
    await aws(() => apiGateway.send(new DeleteApiKeyCommand({ apiKey: id })), "API Gateway");
  } catch (e) {
    if ((e as { code?: string }).code !== "not_found") throw e;
  }
}

export async function attachKeyToPlan(usagePlanId: string, keyId: string): Promise<void> {
  await aws(
    () => apiGateway.send(new CreateUsagePlanKeyCommand({ usagePlanId, keyId, keyType: "API_KEY" })),
    "API Gateway",
  );
}

/** Removes a key from a plan; a key that is not in the plan counts as removed. */
export async function detachKeyFromPlan(usagePlanId: string, keyId: string): Promise<void> {
  try {
    await aws(() => apiGateway.send(new DeleteUsagePlanKeyCommand({ usagePlanId, keyId })), "API Gateway");
  } catch (e) {
    if ((e as { code?: string }).code !== "not_found") throw e;
  }
}

/** Every key in the account (no values), all pages; `pace` runs before each call (rate budget). */
export async function listAllAwsKeys(pace: () => Promise<void> = async () => {}): Promise<AwsKey[]> {
  const out: AwsKey[] = [];
  let position: string | undefined;
  do {
    await pace();
    const page = await aws(
      () =>
        apiGateway.send(
          new GetApiKeysCommand({ limit: 500, includeValues: false, ...definedOnly({ position }) }),
        ),
      "API Gateway",
    );
    for (const k of page.items ?? [])
      if (k.id)
        out.push({
          id: k.id,
          name: k.name ?? "",
          customerId: k.customerId ?? null,
          enabled: k.enabled ?? false,
        });
    position = page.position;
  } while (position);
  return out;
}
