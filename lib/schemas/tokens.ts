import { z } from "zod";
import { API_SCOPE_NAMES } from "@/lib/auth/permissions-api";
import { parseNetwork } from "@/lib/security/ip-allow-list";
import { id } from "./common";
import { blankAsUnset, wholeNumber } from "./numbers";

/** Automation API tokens (issue 17): the create form of /ops/tokens and /partner/tokens and its actions. */

export const MAX_TOKEN_NETWORKS = 50;

/** One address or CIDR per line (or comma-separated); every entry must be one. Empty = any address. */
export const ipAllowListText = z
  .string()
  .max(4000, "At most 4,000 characters.")
  .default("")
  .transform((text, ctx) => {
    const entries = text
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = entries.filter((e) => !parseNetwork(e));
    if (bad.length)
      ctx.addIssue({
        code: "custom",
        message: `Not an address or network: ${bad.slice(0, 3).join(", ")}. Write one such as 203.0.113.7 or 10.0.0.0/8.`,
      });
    if (entries.length > MAX_TOKEN_NETWORKS)
      ctx.addIssue({ code: "custom", message: `At most ${MAX_TOKEN_NETWORKS} addresses or networks.` });
    return entries;
  });

export const createTokenSchema = z.object({
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(2, "A name has at least 2 characters.")
    .max(60, "A name has at most 60 characters.")
    .regex(/^[\w .()-]+$/, "Use letters, digits, spaces and . ( ) - _ only."),
  scopes: z
    .array(z.enum(API_SCOPE_NAMES as [string, ...string[]], { error: "Unknown scope." }))
    .min(1, "Pick at least one scope.")
    .max(API_SCOPE_NAMES.length),
  /** Admins only: "" = a staff token, a tenant id = a token acting for that tenant. Partners: always their own. */
  tenantId: z.union([z.literal(""), id]).default(""),
  /** Empty = never expires. */
  expiresInDays: blankAsUnset(wholeNumber("the expiry in days", 1, 365)),
  ipAllowList: ipAllowListText,
  ratePerMinute: wholeNumber("the rate limit", 1, 6000).default(120),
});
export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const tokenIdSchema = z.object({ tokenId: id });
