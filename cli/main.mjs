// `tollgate`: Tollgate's automation API from a terminal or a pipeline (see README "Automation API and CLI").
// Exit codes: 0 done (with --wait: promoted), 1 the rollout rolled back or failed, 2 usage or connection errors,
// 130 interrupted while watching (the rollout keeps running).
import { Command, CommanderError, Option } from "commander";
import { apiClient, CliError } from "./client.mjs";
import { decisionLine, FINAL, rolloutLine } from "./format.mjs";

/**
 * @param {string[]} argv
 * @param {{ env?: Record<string,string|undefined>; out?: (s: string) => void; err?: (s: string) => void }} [io]
 * @returns {Promise<number>} the exit code
 */
export async function run(argv, io = {}) {
  const env = io.env ?? process.env;
  const out = io.out ?? ((s) => process.stdout.write(s + "\n"));
  const err = io.err ?? ((s) => process.stderr.write(s + "\n"));
  let code = 0;

  const program = new Command("tollgate")
    .description("Tollgate's automation API: canary rollouts, deployments, tenant API keys and usage.")
    .addOption(new Option("--url <url>", "console URL").env("TOLLGATE_URL"))
    .addOption(new Option("--token <token>", "service token (prefer the env variable)").env("TOLLGATE_TOKEN"))
    .addOption(
      new Option("-o, --output <format>", "output format").choices(["human", "json"]).default("human"),
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) });

  const ctx = () => {
    const o = program.opts();
    const url = o.url ?? env.TOLLGATE_URL;
    const token = o.token ?? env.TOLLGATE_TOKEN;
    if (!url)
      throw new CliError(
        "Set TOLLGATE_URL (or --url) to the console's address, e.g. https://tollgate.example.com",
      );
    if (!token) throw new CliError("Set TOLLGATE_TOKEN (or --token) to a service token from API tokens.");
    return { api: apiClient({ url, token }), json: o.output === "json" };
  };
  const print = (json, value, human) => out(json ? JSON.stringify(value) : human(value));
  const enc = encodeURIComponent;

  const rollout = program.command("rollout").description("Start, watch and control canary rollouts");
  rollout
    .command("start")
    .description("Start a rollout of a deployment (or --deploy the API's current state first)")
    .requiredOption("--api <name|id>", "REST API name or id")
    .requiredOption("--stage <stage>", "stage, e.g. prod")
    .option("--deployment <id>", "deployment to roll out")
    .option("--deploy", "deploy the API's current state first, then roll it out")
    .option("--description <text>", "description of the new deployment (with --deploy)")
    .option("--steps <list>", "canary percentages, e.g. 5,25,50 (default: the console's plan)")
    .option("--hold <seconds>", "hold time of each step")
    .option("--interval <seconds>", "seconds between evaluations (default 60)")
    .option("--threshold <n>", "failed checks before rolling back")
    .option("--manual-approval", "wait for `tollgate rollout approve` before promoting")
    .option("--idempotency-key <key>", "retry-safe key (default: a new one per run)")
    .option("--wait", "stream progress; exit 0 when promoted, 1 when rolled back or failed")
    .option("--poll <seconds>", "seconds between progress reads with --wait", "5")
    .action(async (o) => {
      const { api, json } = ctx();
      if (Boolean(o.deployment) === Boolean(o.deploy))
        throw new CliError("Give --deployment <id> or --deploy (one of them).");
      const num = (v, name) => {
        if (v === undefined) return undefined;
        if (!/^\d+(\.\d+)?$/.test(v)) throw new CliError(`--${name} takes a number, got ${v}.`);
        return Number(v);
      };
      const steps = o.steps?.split(",").map((s) => num(s.trim(), "steps"));
      const body = {
        api: o.api,
        stage: o.stage,
        ...(o.deployment
          ? { deploymentId: o.deployment }
          : { deploy: o.description ? { description: o.description } : {} }),
        ...(steps ? { steps } : {}),
        ...(o.hold !== undefined ? { holdSeconds: num(o.hold, "hold") } : {}),
        ...(o.interval !== undefined ? { evaluationSeconds: num(o.interval, "interval") } : {}),
        ...(o.threshold !== undefined ? { failureThreshold: num(o.threshold, "threshold") } : {}),
        ...(o.manualApproval ? { manualApproval: true } : {}),
      };
      const r = await api.request("POST", "/api/v1/rollouts", { body, idempotencyKey: o.idempotencyKey });
      print(json, r, (x) => `Started ${rolloutLine(x)}`);
      if (o.wait) code = await watch(api, r.id, json, num(o.poll, "poll"));
    });
  rollout
    .command("status <id>")
    .description("Show a rollout (with --wait: follow it to the end)")
    .option("--wait", "stream progress; exit 0 when promoted, 1 when rolled back or failed")
    .option("--poll <seconds>", "seconds between progress reads with --wait", "5")
    .action(async (id, o) => {
      const { api, json } = ctx();
      if (o.wait) {
        code = await watch(api, id, json, Number(o.poll) || 5);
        return;
      }
      const r = await api.request("GET", `/api/v1/rollouts/${enc(id)}`);
      print(json, r, (x) =>
        [
          rolloutLine(x),
          ...x.decisions.slice(0, 5).map((d) => `  ${decisionLine(d, x.plan.steps.length)}`),
        ].join("\n"),
      );
      code = r.status === "rolled_back" || r.status === "failed" ? 1 : 0;
    });
  rollout
    .command("list")
    .description("List rollouts, newest first")
    .option("--api <name|id>", "only this REST API")
    .option("--stage <stage>", "only this stage")
    .option("--active", "only running or paused ones")
    .action(async (o) => {
      const { api, json } = ctx();
      const q = new URLSearchParams({
        ...(o.api ? { api: o.api } : {}),
        ...(o.stage ? { stage: o.stage } : {}),
        ...(o.active ? { active: "true" } : {}),
      });
      const list = await api.request("GET", `/api/v1/rollouts${q.size ? `?${q}` : ""}`);
      print(json, list, (l) => (l.length ? l.map(rolloutLine).join("\n") : "No rollouts."));
    });
  for (const [cmd, what] of [
    ["approve", "Approve the promotion of a rollout that waits for approval"],
    ["promote", "Promote now: the canary deployment takes the whole stage"],
    ["abort", "Abort: roll the canary back now"],
    ["pause", "Pause a rollout (it holds its step)"],
    ["resume", "Resume a paused rollout"],
  ])
    rollout
      .command(`${cmd} <id>`)
      .description(what)
      .action(async (id) => {
        const { api, json } = ctx();
        const r = await api.request("POST", `/api/v1/rollouts/${enc(id)}/${cmd}`);
        print(json, r, rolloutLine);
      });

  program
    .command("deploy")
    .description("Deploy a REST API's current state to a stage")
    .requiredOption("--api <name|id>", "REST API name or id")
    .requiredOption("--stage <stage>", "stage, e.g. prod")
    .option("--description <text>", "deployment description", "")
    .option("--idempotency-key <key>", "retry-safe key")
    .action(async (o) => {
      const { api, json } = ctx();
      const d = await api.request("POST", `/api/v1/apis/${enc(o.api)}/deployments`, {
        body: { stage: o.stage, description: o.description },
        idempotencyKey: o.idempotencyKey,
      });
      print(json, d, (x) => `Deployed ${x.id} to ${o.stage}.`);
    });

  const keys = program.command("keys").description("A tenant's API keys (tenant tokens with keys.self)");
  const tenantOpt = (c) => c.requiredOption("--tenant <slug>", "tenant slug (or id)");
  const keyLine = (k) =>
    `${k.id}  ${k.label}  ${k.environment ?? ""}  ${k.status}${k.graceUntil ? `  works until ${k.graceUntil}` : ""}`;
  tenantOpt(keys.command("list").description("List the tenant's keys")).action(async (o) => {
    const { api, json } = ctx();
    const list = await api.request("GET", `/api/v1/tenants/${enc(o.tenant)}/keys`);
    print(json, list, (l) => (l.length ? l.map(keyLine).join("\n") : "No keys."));
  });
  tenantOpt(keys.command("create").description("Create a key: its value is printed once"))
    .requiredOption("--label <label>", "what uses the key")
    .addOption(
      new Option("--environment <env>", "environment")
        .choices(["production", "staging", "test"])
        .default("production"),
    )
    .option("--idempotency-key <key>", "retry-safe key")
    .action(async (o) => {
      const { api, json } = ctx();
      const k = await api.request("POST", `/api/v1/tenants/${enc(o.tenant)}/keys`, {
        body: { label: o.label, environment: o.environment },
        idempotencyKey: o.idempotencyKey,
      });
      print(
        json,
        k,
        (x) => `Created ${x.id}. Value (shown once): ${x.value ?? "(not shown again on a retry)"}`,
      );
    });
  tenantOpt(keys.command("rotate <keyId>").description("Rotate a key: the new value is printed once"))
    .addOption(
      new Option("--grace <period>", "how long the old key keeps working")
        .choices(["now", "1h", "24h", "7d"])
        .default("24h"),
    )
    .action(async (keyId, o) => {
      const { api, json } = ctx();
      const k = await api.request("POST", `/api/v1/tenants/${enc(o.tenant)}/keys/${enc(keyId)}/rotate`, {
        body: { grace: o.grace },
      });
      print(
        json,
        k,
        (x) =>
          `Rotated ${keyId} → ${x.id} (old key works until ${x.graceUntil}). Value (shown once): ${x.value}`,
      );
    });
  tenantOpt(keys.command("revoke <keyId>").description("Revoke a key at once")).action(async (keyId, o) => {
    const { api, json } = ctx();
    const k = await api.request("POST", `/api/v1/tenants/${enc(o.tenant)}/keys/${enc(keyId)}/revoke`);
    print(json, k, () => `Revoked ${keyId}.`);
  });

  tenantOpt(program.command("usage").description("A tenant's requests per UTC day"))
    .requiredOption("--from <day>", "first day, YYYY-MM-DD")
    .requiredOption("--to <day>", "last day, YYYY-MM-DD")
    .option("--csv", "CSV, one row per key and day")
    .action(async (o) => {
      const { api, json } = ctx();
      const q = new URLSearchParams({ from: o.from, to: o.to, ...(o.csv ? { format: "csv" } : {}) });
      const u = await api.request("GET", `/api/v1/tenants/${enc(o.tenant)}/usage?${q}`, {
        accept: o.csv ? "text/csv" : "application/json",
      });
      if (o.csv) return out(String(u).trimEnd());
      print(json, u, (x) =>
        [
          ...x.days.map((d) => `${d.day}  ${d.requests}`),
          `total ${x.days.reduce((a, d) => a + d.requests, 0)}`,
        ].join("\n"),
      );
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliError) {
      err(`tollgate: ${e.message}`);
      return 2;
    }
    err(`tollgate: ${e?.message ?? e}`);
    return 2;
  }

  /** Follows a rollout to its end, printing each new decision; Ctrl+C stops watching, not the rollout. */
  async function watch(api, id, json, pollSeconds) {
    const seen = new Set();
    let stop = false;
    const onInt = () => {
      stop = true;
      err(
        `\nStopped watching. Rollout ${id} keeps running: follow it with \`tollgate rollout status ${id} --wait\`, or stop it with \`tollgate rollout abort ${id}\`.`,
      );
    };
    process.once("SIGINT", onInt);
    try {
      let last = "";
      for (;;) {
        const r = await api.request("GET", `/api/v1/rollouts/${enc(id)}`);
        for (const d of [...r.decisions].reverse()) {
          if (seen.has(d.id)) continue;
          seen.add(d.id);
          if (d.action === "hold" && d.reason === last) continue;
          last = d.action === "hold" ? d.reason : "";
          if (json) out(JSON.stringify({ event: "decision", rolloutId: id, ...d }));
          else out(decisionLine(d, r.plan.steps.length));
        }
        if (FINAL.has(r.status)) {
          const { decisions: _d, ...rest } = r;
          print(json, { event: "finished", ...rest }, rolloutLine);
          return r.status === "promoted" ? 0 : 1;
        }
        if (stop) return 130;
        await new Promise((res) => {
          const t = setTimeout(res, Math.max(0.2, pollSeconds) * 1000);
          const i = setInterval(() => stop && (clearTimeout(t), clearInterval(i), res(undefined)), 100);
          setTimeout(() => clearInterval(i), Math.max(0.2, pollSeconds) * 1000 + 10);
        });
        if (stop) return 130;
      }
    } finally {
      process.off("SIGINT", onInt);
    }
  }
}
