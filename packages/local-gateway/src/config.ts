// The only place the Local Gateway *server* reads process.env (the demo tools and benches read their own defaults
// in their command-line entry points): it is a separate program from the console.

export interface GatewayConfig {
  port: number;
  host: string;
  dataDir: string;
  controlLimits: boolean;
  integrationTimeoutMs: number;
  region: string;
  accountId: string;
}

type Env = Record<string, string | undefined>;

function intFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["on", "true", "1", "yes"].includes(raw)) return true;
  if (["off", "false", "0", "no"].includes(raw)) return false;
  throw new Error(`${name} must be "on" or "off", got "${env[name]}"`);
}

export function loadConfig(env: Env = process.env): GatewayConfig {
  return {
    port: intFrom(env, "LOCAL_GATEWAY_PORT", 4566),
    host: "127.0.0.1",
    dataDir: env.LOCAL_GATEWAY_DATA_DIR || ".data/local-gateway",
    controlLimits: onOff(env, "LOCAL_GATEWAY_CONTROL_LIMITS", true),
    integrationTimeoutMs: intFrom(env, "LOCAL_GATEWAY_INTEGRATION_TIMEOUT_MS", 29_000),
    region: env.AWS_REGION || "us-east-1",
    // LocalStack's conventional account id; it appears in ARNs and in "Invalid API identifier" messages.
    accountId: "000000000000",
  };
}
