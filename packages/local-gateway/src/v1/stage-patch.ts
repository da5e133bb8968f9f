import { badRequest } from "../http";
import type { CanarySettings, MethodSetting, RestApi, Stage } from "../state/types";
import { checkVariable, compact, parseBool, parseNumber, type PatchOp } from "./common";
import { CACHE_SIZES } from "./cache-sizes";

/**
 * Every UpdateStage patch path of docs/aws-api-gateway.md §2 and §2.1, applied in order to a draft stage (the
 * caller discards the draft when one operation throws, so a patch is all-or-nothing).
 */

/** What AWS fills into a MethodSetting that a patch creates (LS-validated). */
export const METHOD_SETTING_DEFAULTS: Readonly<MethodSetting> = {
  metricsEnabled: false,
  dataTraceEnabled: false,
  throttlingBurstLimit: 5000,
  throttlingRateLimit: 10000,
  cachingEnabled: false,
  cacheTtlInSeconds: 300,
  cacheDataEncrypted: false,
  requireAuthorizationForCacheControl: true,
  unauthorizedCacheControlHeaderStrategy: "SUCCEED_WITH_RESPONSE_HEADER",
};

// AWS's own list, verbatim (including its missing commas).
const VALID_PATHS =
  "[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]";

const invalidPath = (path: string) =>
  badRequest(`Invalid method setting path: ${path}. Must be one of: ${VALID_PATHS}`);

const COPY_ERROR =
  "Invalid copy operation with path: /canarySettings/stageVariableOverrides and from /variables. Valid copy:path are [/deploymentId, /variables] and valid copy:from are [/canarySettings/deploymentId, /canarySettings/stageVariableOverrides]";

const noSetting = (key: string) =>
  badRequest(`Cannot remove method setting ${key} because there is no method setting for this method `);

const CACHE_STRATEGIES = ["FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER", "SUCCEED_WITHOUT_RESPONSE_HEADER"];
const METHODS = ["*", "ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

type SettingWriter = (s: MethodSetting, value: string | undefined) => void;

const SETTINGS: Record<string, SettingWriter> = {
  "metrics/enabled": (s, v) => (s.metricsEnabled = parseBool(v, "metrics/enabled")),
  "logging/dataTrace": (s, v) => (s.dataTraceEnabled = parseBool(v, "logging/dataTrace")),
  "logging/loglevel": (s, v) => {
    const level = (v ?? "").toUpperCase();
    if (level !== "OFF" && level !== "ERROR" && level !== "INFO") {
      throw badRequest(`Invalid logging level: '${v ?? ""}'. Must be one of: [OFF, ERROR, INFO]`);
    }
    s.loggingLevel = level;
  },
  "throttling/burstLimit": (s, v) =>
    (s.throttlingBurstLimit = parseNumber(v, "burstLimit", { integer: true, min: 0 })),
  "throttling/rateLimit": (s, v) => (s.throttlingRateLimit = parseNumber(v, "rateLimit", { min: 0 })),
  "caching/ttlInSeconds": (s, v) => {
    const ttl = parseNumber(v, "ttlInSeconds", { integer: true, min: 0 });
    if (ttl > 3600) throw badRequest("Invalid ttlInSeconds: must be between 0 and 3600");
    s.cacheTtlInSeconds = ttl;
  },
  "caching/enabled": (s, v) => (s.cachingEnabled = parseBool(v, "caching/enabled")),
  "caching/dataEncrypted": (s, v) => (s.cacheDataEncrypted = parseBool(v, "caching/dataEncrypted")),
  "caching/requireAuthorizationForCacheControl": (s, v) =>
    (s.requireAuthorizationForCacheControl = parseBool(v, "caching/requireAuthorizationForCacheControl")),
  "caching/unauthorizedCacheControlHeaderStrategy": (s, v) => {
    if (!v || !CACHE_STRATEGIES.includes(v)) {
      throw badRequest(
        `Invalid unauthorizedCacheControlHeaderStrategy: '${v ?? ""}'. Must be one of: [${CACHE_STRATEGIES.join(", ")}]`,
      );
    }
    s.unauthorizedCacheControlHeaderStrategy = v;
  },
};

/** "/~1pets/GET/throttling/rateLimit" → { key: "~1pets/GET", setting: "throttling/rateLimit" }; setting "" for "/~1pets/GET". */
function parseMethodSettingPath(path: string): { key: string; setting: string } | undefined {
  const parts = path.slice(1).split("/");
  for (const setting of Object.keys(SETTINGS)) {
    const n = setting.split("/").length;
    if (parts.length === n + 2 && parts.slice(2).join("/") === setting) {
      return validKey(parts[0]!, parts[1]!) ? { key: `${parts[0]}/${parts[1]}`, setting } : undefined;
    }
  }
  if (parts.length === 2 && validKey(parts[0]!, parts[1]!))
    return { key: `${parts[0]}/${parts[1]}`, setting: "" };
  return undefined;
}

function validKey(resource: string, method: string): boolean {
  if (resource === "" || !METHODS.includes(method)) return false;
  return resource === "*" ? method === "*" : method !== "*";
}

function ensureCanary(stage: Stage): CanarySettings {
  // A replace on a stage without a canary creates one pointing at the stage's own deployment (LS-validated).
  stage.canarySettings ??= { deploymentId: stage.deploymentId, percentTraffic: 0, useStageCache: false };
  return stage.canarySettings;
}

function requireDeployment(api: RestApi, id: string | undefined): string {
  if (!id || !api.deployments[id]) throw badRequest("Deployment id does not exist");
  return id;
}

function applyCanary(stage: Stage, p: PatchOp, api: RestApi): void {
  const sub = p.path.slice("/canarySettings".length);
  if (p.op === "remove") {
    if (sub === "") {
      if (!stage.canarySettings) throw noSetting("canarySettings");
      delete stage.canarySettings;
      return;
    }
    const override = /^\/stageVariableOverrides\/(.+)$/.exec(sub);
    if (override) {
      if (stage.canarySettings?.stageVariableOverrides)
        delete stage.canarySettings.stageVariableOverrides[override[1]!];
      return;
    }
    // AWS words every other remove under /canarySettings as a missing method setting (AWS-recorded).
    throw noSetting(`canarySettings${sub}`);
  }
  if (p.op !== "replace") throw badRequest(`Invalid ${p.op} operation with path: ${p.path}`);
  if (sub === "/percentTraffic") {
    const pct = parseNumber(p.value, "percentTraffic");
    if (pct < 0 || pct > 100) throw badRequest("Canary weight must be between 0.0 and 100.0");
    ensureCanary(stage).percentTraffic = pct;
  } else if (sub === "/deploymentId") {
    const id = requireDeployment(api, p.value);
    if (stage.canarySettings) stage.canarySettings.deploymentId = id;
    else stage.canarySettings = { deploymentId: id, percentTraffic: 0, useStageCache: false };
  } else if (sub === "/useStageCache") {
    ensureCanary(stage).useStageCache = parseBool(p.value, "useStageCache");
  } else if (sub.startsWith("/stageVariableOverrides/") && sub.length > "/stageVariableOverrides/".length) {
    const name = sub.slice("/stageVariableOverrides/".length);
    checkVariable(name, p.value ?? "");
    const canary = ensureCanary(stage);
    canary.stageVariableOverrides = { ...canary.stageVariableOverrides, [name]: p.value ?? "" };
  } else {
    throw invalidPath(p.path);
  }
}

function applyCopy(stage: Stage, p: PatchOp): void {
  const valid =
    (p.path === "/variables" && p.from === "/canarySettings/stageVariableOverrides") ||
    (p.path === "/deploymentId" && p.from === "/canarySettings/deploymentId");
  if (!valid) throw badRequest(COPY_ERROR);
  const canary = stage.canarySettings;
  if (!canary) throw badRequest("Promotion not available. Canary does not exist.");
  // Promotion merges the overrides into the variables (overrides win) and keeps the canary (LS-validated).
  if (p.path === "/variables") stage.variables = { ...stage.variables, ...canary.stageVariableOverrides };
  else stage.deploymentId = canary.deploymentId;
}

function applyMethodSetting(stage: Stage, p: PatchOp): void {
  const parsed = parseMethodSettingPath(p.path);
  if (!parsed) throw invalidPath(p.path);
  const { key, setting } = parsed;
  if (setting === "") {
    if (p.op !== "remove") throw invalidPath(p.path);
    if (!stage.methodSettings[key]) throw noSetting(key);
    delete stage.methodSettings[key];
    return;
  }
  if (p.op !== "replace" && p.op !== "add")
    throw badRequest(`Invalid ${p.op} operation with path: ${p.path}`);
  // A new per-method entry starts from the current */* (later */* changes do not propagate), else AWS's defaults.
  const current = stage.methodSettings[key] ?? {
    ...(stage.methodSettings["*/*"] ?? METHOD_SETTING_DEFAULTS),
  };
  SETTINGS[setting]!(current, p.value);
  stage.methodSettings[key] = current;
}

const ACCESS_LOG_PATHS = "[/accessLogSettings/destinationArn, /accessLogSettings/format]";

/**
 * Access-log patches as AWS answers them (AWS-recorded, LocalStack test_stage_access_log_settings[_validation]):
 * add/replace only on the two leaf paths with a non-empty value; remove only of the whole setting.
 */
function applyAccessLog(stage: Stage, p: PatchOp): void {
  const sub = p.path.slice("/accessLogSettings".length);
  if (p.op === "remove") {
    if (sub === "") return void delete stage.accessLogSettings;
    throw noSetting(`accessLogSettings${sub}`);
  }
  if ((p.op !== "add" && p.op !== "replace") || (sub !== "/destinationArn" && sub !== "/format"))
    throw badRequest(`Invalid accessLogSettings path. Must be one of : ${ACCESS_LOG_PATHS}`);
  if (!p.value) throw badRequest("Access Log value must not be empty");
  const field = sub === "/destinationArn" ? "destinationArn" : "format";
  stage.accessLogSettings = compact({ ...stage.accessLogSettings, [field]: p.value });
}

function applyOne(stage: Stage, p: PatchOp, api: RestApi): void {
  const { op, path, value } = p;
  if (op === "copy") return applyCopy(stage, p);
  if (path === "/canarySettings" || path.startsWith("/canarySettings/")) return applyCanary(stage, p, api);
  if (path.startsWith("/variables/")) {
    const name = path.slice("/variables/".length);
    // add/remove per variable: UNCONFIRMED for AWS; accepted like LocalStack (Terraform relies on remove).
    if (op === "remove") delete stage.variables[name];
    else if (op === "replace" || op === "add") {
      checkVariable(name, value ?? "");
      stage.variables[name] = value ?? "";
    } else throw badRequest(`Invalid ${op} operation with path: ${path}`);
    return;
  }
  if (path === "/accessLogSettings" || path.startsWith("/accessLogSettings/"))
    return applyAccessLog(stage, p);
  const simple = op === "replace";
  switch (simple ? path : "") {
    case "/deploymentId":
      return void (stage.deploymentId = requireDeployment(api, value));
    case "/description":
      return void (stage.description = value);
    case "/clientCertificateId":
      return void (stage.clientCertificateId = value);
    case "/documentationVersion":
      return void (stage.documentationVersion = value);
    case "/tracingEnabled":
      return void (stage.tracingEnabled = parseBool(value, "tracingEnabled"));
    case "/cacheClusterEnabled": {
      stage.cacheClusterEnabled = parseBool(value, "cacheClusterEnabled");
      // The cache cluster becomes AVAILABLE at once (AWS takes ~4 minutes); ours is not a real cache.
      stage.cacheClusterStatus = stage.cacheClusterEnabled ? "AVAILABLE" : "NOT_AVAILABLE";
      if (stage.cacheClusterEnabled) stage.cacheClusterSize ??= "0.5";
      return;
    }
    case "/cacheClusterSize":
      if (!value || !CACHE_SIZES.includes(value)) {
        throw badRequest(
          `Invalid cache cluster size specified: ${value ?? ""}. Must be one of: [${CACHE_SIZES.join(", ")}]`,
        );
      }
      return void (stage.cacheClusterSize = value);
  }
  if (
    [
      "/deploymentId",
      "/description",
      "/cacheClusterEnabled",
      "/cacheClusterSize",
      "/tracingEnabled",
    ].includes(path)
  ) {
    throw badRequest(`Invalid ${op} operation with path: ${path}`);
  }
  applyMethodSetting(stage, p);
}

export function applyStagePatch(stage: Stage, ops: readonly PatchOp[], api: RestApi): void {
  for (const p of ops) applyOne(stage, p, api);
}
