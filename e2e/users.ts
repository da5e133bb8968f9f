import type { SeedUser } from "../lib/db/seed";

export const E2E_TENANTS = ["E2E Acme", "E2E Globex"];
export const E2E_USERS = [
  { email: "admin@e2e.test", name: "E2E Admin", role: "admin" },
  { email: "operator@e2e.test", name: "E2E Operator", role: "operator" },
  { email: "finance@e2e.test", name: "E2E Finance", role: "finance" },
  { email: "partner@e2e.test", name: "E2E Partner", role: "partner", tenant: "E2E Acme" },
  { email: "globex@e2e.test", name: "E2E Globex Partner", role: "partner", tenant: "E2E Globex" },
  // Used only by the throttling spec, so locking it out for a minute disturbs nobody.
  { email: "throttle@e2e.test", name: "E2E Throttle", role: "operator" },
] as const satisfies readonly SeedUser[];
export type E2ERole = "admin" | "operator" | "finance" | "partner";
export const userFor = (role: E2ERole) =>
  E2E_USERS.find((u) => u.role === role && !u.email.startsWith("throttle") && !u.email.startsWith("globex"))!;
