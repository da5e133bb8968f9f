import { tmpdir } from "node:os";
import path from "node:path";

/** Shared by the config, the server script and the specs. The e2e database is always a throwaway local file. */
const port = Number(process.env.E2E_PORT ?? 3210);
export const E2E = {
  port,
  baseURL: `http://127.0.0.1:${port}`,
  databaseUrl: process.env.E2E_DATABASE_URL ?? `file:${path.join(tmpdir(), `tollgate-e2e-${port}.db`)}`,
  password: "e2e-password-123",
  /** A fresh Local Gateway (and demo upstream) per run, which the console under test uses as its AWS endpoint. */
  gatewayPort: Number(process.env.E2E_GATEWAY_PORT ?? port + 1400),
  upstreamPort: Number(process.env.E2E_UPSTREAM_PORT ?? port + 1401),
  /** Where the layout specs save screenshots for people to look at (unset: none are taken). Keep it outside the repo. */
  shotsDir: process.env.E2E_SHOTS_DIR,
};
