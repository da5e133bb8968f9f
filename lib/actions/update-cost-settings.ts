"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/define-action";
import { setCostSettings } from "@/lib/db/finance-settings";
import { AppError } from "@/lib/errors";
import { costSettingsSchema, parseTierRows } from "@/lib/schemas/finance";
import { definedOnly } from "@/lib/utils/defined-only";

export const updateCostSettingsAction = defineAction({
  name: "finance.cost-settings",
  permission: "finance.manage",
  input: costSettingsSchema,
  handler: async ({ actor, input }) => {
    const rest = parseTierRows(input.restTiers);
    const http = parseTierRows(input.httpTiers);
    if (!rest.tiers || !http.tiers)
      throw new AppError(
        "invalid",
        "Please correct the highlighted fields.",
        definedOnly({
          restTiers: rest.error ? [rest.error] : undefined,
          httpTiers: http.error ? [http.error] : undefined,
        }),
      );
    const after = {
      apiType: input.apiType,
      restTiers: rest.tiers,
      httpTiers: http.tiers,
      cacheHourMicro: input.cacheHourPrice,
      cacheHoursPerMonth: input.cacheHoursPerMonth,
    };
    const before = await setCostSettings(actor, after);
    revalidatePath("/finance/costs");
    return { before, after };
  },
  audit: {
    action: "finance.cost-settings",
    targetType: "finance-setting",
    targetId: () => "costToServe",
    summary: (_i, o) => ({ before: o?.before, after: o?.after }),
  },
});
