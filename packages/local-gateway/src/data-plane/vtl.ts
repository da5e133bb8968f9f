/**
 * API Gateway mapping templates (Velocity, VTL) through velocityjs: the variables AWS documents for mapping
 * templates (api-gateway-mapping-template-reference.md) that templates commonly use —
 *   $context.{requestId, extendedRequestId, apiId, stage, resourceId, resourcePath, httpMethod, path, accountId,
 *             protocol, domainName, requestTime, requestTimeEpoch, isCanaryRequest, identity.{sourceIp,
 *             userAgent, apiKey, apiKeyId}}
 *   $stageVariables.<name>
 *   $input.body, $input.json(path), $input.path(path), $input.params(), $input.params(name)
 *   $util.escapeJavaScript, parseJson, urlEncode, urlDecode, base64Encode, base64Decode
 * plus the Velocity directives (#set, #if/#elseif/#else, #foreach with $foreach.hasNext). As in API Gateway, an
 * undefined reference renders as nothing (velocityjs's silent mode), not as its own text.
 * JSONPath is the subset templates use: `$`, `.name`, `['name']`, `[n]`.
 */
import { Compile, parse } from "velocityjs";

export interface TemplateRequest {
  readonly requestId: string;
  readonly apigwId: string;
  readonly apiId: string;
  readonly accountId: string;
  readonly stage: string;
  readonly resourceId: string;
  readonly resourcePath: string;
  readonly httpMethod: string;
  /** The request path after the stage ("/pets/1"). */
  readonly path: string;
  readonly isCanary: boolean;
  readonly sourceIp: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly body: string;
  readonly apiKey?: string;
  readonly apiKeyId?: string;
  readonly nowMs: number;
}

/** True when a template uses VTL at all (else it is served as text, without parsing). */
export const usesVtl = (template: string) => /[$#]/.test(template);

type Ast = ReturnType<typeof parse>;
const parsed = new Map<string, Ast>();

function astOf(template: string): Ast {
  let ast = parsed.get(template);
  if (!ast) {
    ast = parse(template);
    // Templates come from the emulated account: bounded, but keep the cache from growing without limit.
    if (parsed.size > 500) parsed.clear();
    parsed.set(template, ast);
  }
  return ast;
}

/** `$.a.b[0]['c d']` → ["a", "b", 0, "c d"]; throws on anything else. */
export function jsonPathSteps(path: string): (string | number)[] {
  const p = path.trim();
  if (!p.startsWith("$")) throw new Error(`Invalid JSONPath: ${path}`);
  const steps: (string | number)[] = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/gy;
  re.lastIndex = 1;
  while (re.lastIndex < p.length) {
    const m = re.exec(p);
    if (!m) throw new Error(`Invalid JSONPath: ${path}`);
    steps.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (m[3] ?? m[4]!)));
  }
  return steps;
}

function walk(value: unknown, path: string): unknown {
  let at = value;
  for (const step of jsonPathSteps(path)) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string | number, unknown>)[step];
  }
  return at;
}

function parseBody(body: string): unknown {
  if (body.trim() === "") return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** AWS's $util.escapeJavaScript: JavaScript string escaping (quotes, backslashes, control characters). */
export function escapeJavaScript(s: unknown): string {
  return JSON.stringify(String(s ?? ""))
    .slice(1, -1)
    .replace(/'/g, "\\'");
}

function templateContext(r: TemplateRequest): Record<string, unknown> {
  const body = parseBody(r.body);
  const params = { path: { ...r.pathParams }, querystring: { ...r.query }, header: { ...r.headers } };
  const now = new Date(r.nowMs);
  return {
    context: {
      requestId: r.requestId,
      extendedRequestId: r.apigwId,
      apiId: r.apiId,
      accountId: r.accountId,
      stage: r.stage,
      resourceId: r.resourceId,
      resourcePath: r.resourcePath,
      httpMethod: r.httpMethod,
      path: `/${r.stage}${r.path}`,
      protocol: "HTTP/1.1",
      domainName: r.headers.host ?? "",
      requestTime: now.toUTCString(),
      requestTimeEpoch: r.nowMs,
      isCanaryRequest: r.isCanary ? "true" : "false",
      identity: {
        sourceIp: r.sourceIp,
        userAgent: r.headers["user-agent"] ?? "",
        apiKey: r.apiKey,
        apiKeyId: r.apiKeyId,
      },
    },
    stageVariables: { ...r.stageVariables },
    input: {
      body: r.body,
      json: (path: string) => {
        const v = walk(body, path);
        return v === undefined ? "" : JSON.stringify(v);
      },
      path: (path: string) => walk(body, path),
      params: (name?: string) => {
        if (name === undefined) return params;
        return params.path[name] ?? params.querystring[name] ?? headerValue(r.headers, name) ?? "";
      },
    },
    util: {
      escapeJavaScript,
      parseJson: (s: string) => JSON.parse(s) as unknown,
      urlEncode: (s: string) => encodeURIComponent(String(s)),
      urlDecode: (s: string) => decodeURIComponent(String(s)),
      base64Encode: (s: string) => Buffer.from(String(s)).toString("base64"),
      base64Decode: (s: string) => Buffer.from(String(s), "base64").toString("utf8"),
    },
  };
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Renders a mapping template; a template without `$` or `#` is returned as it is. */
export function renderTemplate(template: string, request: TemplateRequest): string {
  if (!usesVtl(template)) return template;
  const compiled = new Compile(astOf(template), { escape: false });
  return compiled.render(templateContext(request), undefined, true);
}
