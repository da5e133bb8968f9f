// Applies the committed migrations of the configured database (SQLite by default, PostgreSQL when
// DATABASE_URL is postgres://…). Used by `npm run db:migrate`, the demo and the e2e server.
import { enableWal, migrateDatabase } from "./lib/migrate";
import { env } from "../lib/env";

await migrateDatabase(env.DATABASE_URL);
await enableWal(env.DATABASE_URL);
