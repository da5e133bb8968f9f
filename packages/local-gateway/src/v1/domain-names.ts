// Custom domain names and base path mappings (REST). The data plane serves them too: a request whose Host header
// is a domain name here is routed by its first path segment (the base path) to the mapped API stage
// (data-plane/custom-domain.ts). Certificates are stored as given; nothing is validated against ACM.
import { createHash } from "node:crypto";
import type { OpContext } from "../context";
import { badRequest, conflict, notFound, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type { DomainName } from "../state/types";
import { body, compact, epochSeconds, listBody, optString, optStringMap, patchOps } from "./common";
import { parseEndpointConfiguration } from "./rest-apis";

/** The base path AWS shows for the empty one. */
export const NO_BASE_PATH = "(none)";

const DOMAIN = /^(?=.{1,253}$)(\*\.)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const SECURITY_POLICIES = ["TLS_1_0", "TLS_1_2"];

const domainsOf = (ctx: OpContext) => (ctx.gw.state.domainNames ??= {});

function findDomain(ctx: OpContext): DomainName {
  const d = domainsOf(ctx)[(ctx.params.domain_name ?? "").toLowerCase()];
  if (!d) throw notFound("Invalid domain name identifier specified");
  return d;
}

/** Stable fake target host names, like the CloudFront / regional names AWS hands out. */
function targetNames(d: DomainName): Record<string, string> {
  const h = createHash("sha256").update(d.domainName).digest("hex");
  return d.endpointConfiguration.types.includes("REGIONAL")
    ? {
        regionalDomainName: `d-${h.slice(0, 10)}.execute-api.us-east-1.amazonaws.com`,
        regionalHostedZoneId: "Z1UJRXOUMOOFQ8",
        regionalCertificateArn: d.regionalCertificateArn ?? "",
      }
    : {
        distributionDomainName: `d${h.slice(0, 13)}.cloudfront.net`,
        distributionHostedZoneId: "Z2FDTNDATAQYW2",
        certificateArn: d.certificateArn ?? "",
      };
}

export function renderDomainName(d: DomainName): Record<string, unknown> {
  const targets = targetNames(d);
  return compact({
    domainName: d.domainName,
    certificateArn: d.certificateArn,
    certificateUploadDate: d.certificateArn ? epochSeconds(d.createdDate) : undefined,
    ...Object.fromEntries(Object.entries(targets).filter(([, v]) => v !== "")),
    endpointConfiguration: d.endpointConfiguration,
    domainNameStatus: d.domainNameStatus,
    securityPolicy: d.securityPolicy,
    tags: Object.keys(d.tags).length > 0 ? d.tags : undefined,
  });
}

function createDomainName(ctx: OpContext): Reply {
  const b = body(ctx);
  const name = optString(b, "domainName")?.toLowerCase();
  if (!name || !DOMAIN.test(name)) throw badRequest(`Invalid domain name specified: ${name ?? ""}`);
  if (domainsOf(ctx)[name]) throw conflict("The domain name you provided already exists.");
  const endpointConfiguration = parseEndpointConfiguration(b.endpointConfiguration, "createDomainNameInput");
  const regional = endpointConfiguration.types.includes("REGIONAL");
  const certificateArn = optString(b, "certificateArn");
  const regionalCertificateArn = optString(b, "regionalCertificateArn");
  if (regional && !regionalCertificateArn)
    throw badRequest("A regional certificate ARN is required for a REGIONAL domain name");
  if (!regional && !certificateArn && endpointConfiguration.types.includes("EDGE"))
    throw badRequest("A certificate ARN is required for an EDGE domain name");
  const securityPolicy = optString(b, "securityPolicy") ?? "TLS_1_2";
  if (!SECURITY_POLICIES.includes(securityPolicy))
    throw badRequest(
      `Invalid security policy: ${securityPolicy}. Must be one of: [${SECURITY_POLICIES.join(", ")}]`,
    );
  const d: DomainName = compact({
    domainName: name,
    certificateArn,
    regionalCertificateArn,
    endpointConfiguration,
    securityPolicy,
    domainNameStatus: "AVAILABLE" as const,
    createdDate: ctx.gw.clock.now(),
    tags: optStringMap(b, "tags") ?? {},
    basePathMappings: {},
  });
  domainsOf(ctx)[name] = d;
  ctx.gw.changed();
  return { status: 201, body: renderDomainName(d) };
}

function updateDomainName(ctx: OpContext): Reply {
  const d = structuredClone(findDomain(ctx));
  for (const p of patchOps(ctx, "updateDomainNameInput")) {
    if (p.op !== "replace") throw badRequest(`Invalid patch operation specified. Must be one of: [replace]`);
    if (p.path === "/certificateArn") d.certificateArn = p.value;
    else if (p.path === "/regionalCertificateArn") d.regionalCertificateArn = p.value;
    else if (p.path === "/securityPolicy") {
      if (!p.value || !SECURITY_POLICIES.includes(p.value))
        throw badRequest(
          `Invalid security policy: ${p.value ?? ""}. Must be one of: [${SECURITY_POLICIES.join(", ")}]`,
        );
      d.securityPolicy = p.value;
    } else throw badRequest(`Invalid patch path ${p.path}`);
  }
  domainsOf(ctx)[d.domainName] = compact(d);
  ctx.gw.changed();
  return { status: 200, body: renderDomainName(d) };
}

function deleteDomainName(ctx: OpContext): Reply {
  const d = findDomain(ctx);
  delete domainsOf(ctx)[d.domainName];
  ctx.gw.changed();
  return { status: 202 };
}

// ---- base path mappings -----------------------------------------------------------------------------------

const BASE_PATH = /^[A-Za-z0-9._~:@!$&'()*+,;=-]+$/;

function checkTarget(ctx: OpContext, restApiId: string | undefined, stage: string | undefined): void {
  const api = restApiId ? ctx.gw.state.restApis[restApiId] : undefined;
  if (!api) throw badRequest("Invalid REST API identifier specified");
  if (stage !== undefined && !api.stages[stage]) throw badRequest("Invalid stage identifier specified");
}

function findMapping(ctx: OpContext, d: DomainName): DomainName["basePathMappings"][string] {
  const raw = ctx.params.base_path ?? "";
  const m = d.basePathMappings[raw === "" ? NO_BASE_PATH : raw];
  if (!m) throw notFound("Invalid base path mapping identifier specified");
  return m;
}

function createBasePathMapping(ctx: OpContext): Reply {
  const d = findDomain(ctx);
  const b = body(ctx);
  const given = optString(b, "basePath");
  const basePath = given === undefined || given === "" ? NO_BASE_PATH : given;
  if (basePath !== NO_BASE_PATH && !BASE_PATH.test(basePath))
    throw badRequest(`Invalid base path specified: ${basePath}`);
  const restApiId = optString(b, "restApiId");
  const stage = optString(b, "stage") || undefined;
  checkTarget(ctx, restApiId, stage);
  if (d.basePathMappings[basePath]) throw conflict("Base path already exists for this domain name");
  const mapping = compact({ basePath, restApiId: restApiId!, stage });
  d.basePathMappings[basePath] = mapping;
  ctx.gw.changed();
  return { status: 201, body: mapping };
}

function updateBasePathMapping(ctx: OpContext): Reply {
  const d = findDomain(ctx);
  const current = findMapping(ctx, d);
  const draft = { ...current };
  for (const p of patchOps(ctx, "updateBasePathMappingInput")) {
    if (p.op !== "replace") throw badRequest(`Invalid patch operation specified. Must be one of: [replace]`);
    if (p.path === "/basePath") draft.basePath = p.value ? p.value : NO_BASE_PATH;
    else if (p.path === "/restApiId") draft.restApiId = p.value ?? "";
    else if (p.path === "/stage") draft.stage = p.value || undefined;
    else throw badRequest(`Invalid patch path ${p.path}`);
  }
  checkTarget(ctx, draft.restApiId, draft.stage);
  if (draft.basePath !== current.basePath && d.basePathMappings[draft.basePath])
    throw conflict("Base path already exists for this domain name");
  delete d.basePathMappings[current.basePath];
  d.basePathMappings[draft.basePath] = compact(draft);
  ctx.gw.changed();
  return { status: 200, body: draft };
}

function deleteBasePathMapping(ctx: OpContext): Reply {
  const d = findDomain(ctx);
  const m = findMapping(ctx, d);
  delete d.basePathMappings[m.basePath];
  ctx.gw.changed();
  return { status: 202 };
}

const D = "/domainnames/{domain_name}";

export const domainNameRoutes: RouteDef[] = [
  ["POST", "/domainnames", "CreateDomainName", createDomainName],
  [
    "GET",
    "/domainnames",
    "GetDomainNames",
    (ctx) => ({ status: 200, body: listBody(ctx, Object.values(domainsOf(ctx)).map(renderDomainName)) }),
  ],
  ["GET", D, "GetDomainName", (ctx) => ({ status: 200, body: renderDomainName(findDomain(ctx)) })],
  ["PATCH", D, "UpdateDomainName", updateDomainName],
  ["DELETE", D, "DeleteDomainName", deleteDomainName],
  ["POST", `${D}/basepathmappings`, "CreateBasePathMapping", createBasePathMapping],
  [
    "GET",
    `${D}/basepathmappings`,
    "GetBasePathMappings",
    (ctx) => ({ status: 200, body: listBody(ctx, Object.values(findDomain(ctx).basePathMappings)) }),
  ],
  [
    "GET",
    `${D}/basepathmappings/{base_path}`,
    "GetBasePathMapping",
    (ctx) => ({ status: 200, body: findMapping(ctx, findDomain(ctx)) }),
  ],
  ["PATCH", `${D}/basepathmappings/{base_path}`, "UpdateBasePathMapping", updateBasePathMapping],
  ["DELETE", `${D}/basepathmappings/{base_path}`, "DeleteBasePathMapping", deleteBasePathMapping],
];
