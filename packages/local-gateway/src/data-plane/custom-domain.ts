/**
 * Custom domain names on the data plane: a request whose Host header (port ignored) is a domain name of the
 * account is routed as AWS routes it — the first path segment picks the base path mapping (else the "(none)"
 * mapping), and the rest of the path goes to the mapped API stage. A mapping without a stage takes the stage from
 * the next path segment. No mapping matches: 403 {"message":"Forbidden"}, as AWS answers.
 */
import type { GatewayState } from "../state/types";

const NO_BASE_PATH = "(none)";

/** The host name of a Host header ("api.example.com:4566" → "api.example.com"), lower-cased. */
export function hostName(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) return undefined;
  return h.replace(/:\d+$/, "").replace(/\.$/, "");
}

/** True when Host names a custom domain of the account. */
export function isCustomDomain(state: GatewayState, host: string | undefined): boolean {
  const name = hostName(host);
  return name !== undefined && state.domainNames?.[name] !== undefined;
}

/**
 * The execute-api URL (`/restapis/{api}/{stage}/_user_request_/…?…`) a custom-domain request maps to, or
 * undefined when no base path mapping applies.
 */
export function customDomainTarget(
  state: GatewayState,
  host: string | undefined,
  rawUrl: string,
): string | undefined {
  const domain = state.domainNames?.[hostName(host) ?? ""];
  if (!domain) return undefined;
  const q = rawUrl.indexOf("?");
  const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const query = q === -1 ? "" : rawUrl.slice(q);
  const segments = path.split("/").slice(1);
  let first = segments[0] ?? "";
  try {
    first = decodeURIComponent(first);
  } catch {
    // Left as sent.
  }
  let mapping = first !== "" ? domain.basePathMappings[first] : undefined;
  let rest = segments.slice(1);
  if (!mapping) {
    mapping = domain.basePathMappings[NO_BASE_PATH];
    rest = segments;
  }
  if (!mapping) return undefined;
  let stage = mapping.stage;
  if (stage === undefined) {
    stage = rest[0];
    rest = rest.slice(1);
    if (!stage) return undefined;
  }
  const remainder = rest.join("/");
  return `/restapis/${mapping.restApiId}/${encodeURIComponent(stage)}/_user_request_/${remainder}${query}`;
}
