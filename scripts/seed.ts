// Seeds the demo users and tenants into the configured database (idempotent). Run with the react-server
// condition so `server-only` modules load outside Next: see package.json.
import { hashPassword } from "../lib/auth/password";
import { seedUsers } from "../lib/db/seed";
import { DEMO_PASSWORD, DEMO_TENANTS, DEMO_USERS } from "./lib/demo-users";

await seedUsers(DEMO_TENANTS, DEMO_USERS, await hashPassword(DEMO_PASSWORD));
console.log(`seeded ${DEMO_USERS.length} demo users and ${DEMO_TENANTS.length} tenants`);
