import type { SeedUser } from "../../lib/db/seed";

/** Demo logins. The password is printed by `npm run demo`; it is for the local demo only. */
export const DEMO_PASSWORD = "tollgate-demo-pass";
export const DEMO_TENANTS = ["Acme Travel", "Globex Retail"];
export const DEMO_USERS: SeedUser[] = [
  { email: "admin@tollgate.local", name: "Ada Admin", role: "admin" },
  { email: "operator@tollgate.local", name: "Oscar Operator", role: "operator" },
  { email: "finance@tollgate.local", name: "Fiona Finance", role: "finance" },
  { email: "alice@acme.example", name: "Alice (Acme)", role: "partner", tenant: "Acme Travel" },
  { email: "bob@globex.example", name: "Bob (Globex)", role: "partner", tenant: "Globex Retail" },
];
