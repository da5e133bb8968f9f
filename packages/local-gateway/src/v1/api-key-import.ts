import Papa from "papaparse";
import type { OpContext } from "../context";
import { GatewayError, badRequest, type Reply } from "../http";
import type { ApiKey } from "../state/types";
import { keyWithValue } from "./api-key-lookup";
import { newId } from "./common";
import { addKeyToPlan } from "./plan-keys";

/**
 * ImportApiKeys (`POST /apikeys?mode=import&format=csv`), AWS's api-key-file-format: header names are
 * case-insensitive and in any order; Name and Key are required; Description, Enabled (default true) and
 * UsagePlanIds (comma-separated, quoted) are optional; unknown columns are ignored; a key value imported again
 * overwrites the earlier key with that value. Key values must be 30–128 characters
 * (docs/aws-api-gateway.md §1 limits).
 */
export function importApiKeys(ctx: OpContext): Reply {
  if ((ctx.query.get("format") ?? "").toLowerCase() !== "csv")
    throw badRequest("Invalid format specified: only csv is supported");
  const failOnWarnings = ctx.query.get("failonwarnings") === "true";
  const parsed = Papa.parse<string[]>(ctx.body.toString("utf8").replace(/^\uFEFF/, ""), {
    skipEmptyLines: true,
  });
  const [header, ...rows] = parsed.data;
  if (!header) throw badRequest("Invalid API Key file: the file is empty");
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const cName = col("name");
  const cKey = col("key");
  if (cName < 0 || cKey < 0) throw badRequest("Invalid API Key file: the Name and Key columns are required");
  const cDesc = col("description");
  const cEnabled = col("enabled");
  const cPlans = col("usageplanids");

  const state = ctx.gw.state;
  const warnings: string[] = [];
  const accepted: { line: number; key: ApiKey; planIds: string[] }[] = [];
  const now = ctx.gw.clock.now();
  rows.forEach((row, i) => {
    const line = i + 2;
    const value = (row[cKey] ?? "").trim();
    const name = (row[cName] ?? "").trim();
    if (value.length < 30 || value.length > 128) {
      warnings.push(`Line ${line}: invalid key value, it must be between 30 and 128 characters`);
      return;
    }
    if (name.length > 1024) {
      warnings.push(`Line ${line}: invalid name, it must be at most 1024 characters`);
      return;
    }
    const enabledRaw = cEnabled >= 0 ? (row[cEnabled] ?? "").trim().toLowerCase() : "";
    if (enabledRaw !== "" && enabledRaw !== "true" && enabledRaw !== "false") {
      warnings.push(`Line ${line}: invalid Enabled value '${row[cEnabled]}', it must be true or false`);
      return;
    }
    const planIds =
      cPlans >= 0
        ? (row[cPlans] ?? "")
            .replace(/^'|'$/g, "")
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    const unknown = planIds.find((id) => !state.usagePlans[id]);
    if (unknown) {
      warnings.push(`Line ${line}: invalid usage plan id ${unknown}`);
      return;
    }
    const existing = keyWithValue(state, value);
    const key: ApiKey = {
      id: existing?.id ?? newId(10),
      value,
      name,
      description: cDesc >= 0 ? (row[cDesc] ?? "") : "",
      enabled: enabledRaw !== "false",
      createdDate: existing?.createdDate ?? now,
      lastUpdatedDate: now,
      stageKeys: existing?.stageKeys ?? [],
      tags: existing?.tags ?? {},
    };
    accepted.push({ line, key, planIds });
  });
  if (failOnWarnings && warnings.length > 0) throw badRequest(warnings.join("; "));

  const ids: string[] = [];
  for (const { line, key, planIds } of accepted) {
    state.apiKeys[key.id] = key;
    ids.push(key.id);
    for (const planId of planIds) {
      try {
        addKeyToPlan(state, state.usagePlans[planId]!, key.id);
      } catch (e) {
        if (!(e instanceof GatewayError)) throw e;
        warnings.push(`Line ${line}: ${e.message}`);
      }
    }
  }
  ctx.gw.changed();
  return { status: 201, body: { ids, warnings } };
}
