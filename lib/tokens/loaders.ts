import "server-only";

/** The token pages' list (admins: every token; partners: their own tenant's), from the database only. */
export { listApiTokens as loadApiTokens, type ApiTokenDto } from "@/lib/db/api-tokens";
