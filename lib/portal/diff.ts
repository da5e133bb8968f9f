import { operationsOf, type OpenApiDoc, type OperationShape } from "./openapi";

/**
 * What changed between two deployments of an API stage, operation by operation, for the partner changelog and the
 * operators' warning before a deploy or promotion. Breaking = a client that worked before may now fail: an operation
 * removed, a parameter or body field that became required, an API key newly required, a response code removed.
 */
export type OperationChangeDto = {
  operation: string;
  kind: "added" | "removed" | "changed";
  breaking: boolean;
  /** Plain-words details, each prefixed "Breaking: " when it is. */
  details: string[];
};

function compareOperation(a: OperationShape, b: OperationShape): OperationChangeDto | null {
  const details: { text: string; breaking: boolean }[] = [];
  const params = (o: OperationShape) => new Map(o.params.map((p) => [`${p.in} parameter ${p.name}`, p]));
  const before = params(a);
  const after = params(b);
  for (const [name, p] of after) {
    const old = before.get(name);
    if (!old)
      details.push({ text: `${p.required ? "required" : "optional"} ${name} added`, breaking: p.required });
    else if (!old.required && p.required) details.push({ text: `${name} is now required`, breaking: true });
    else if (old.required && !p.required) details.push({ text: `${name} is now optional`, breaking: false });
  }
  for (const name of before.keys())
    if (!after.has(name)) details.push({ text: `${name} removed`, breaking: false });
  const fields = (o: OperationShape) => new Map(o.bodyFields.map((f) => [f.name, f.required]));
  const fa = fields(a);
  const fb = fields(b);
  for (const [name, required] of fb) {
    const old = fa.get(name);
    if (old === undefined && required)
      details.push({ text: `required body field ${name} added`, breaking: true });
    else if (old === undefined) details.push({ text: `optional body field ${name} added`, breaking: false });
    else if (!old && required) details.push({ text: `body field ${name} is now required`, breaking: true });
  }
  for (const name of fa.keys())
    if (!fb.has(name)) details.push({ text: `body field ${name} removed`, breaking: false });
  if (!a.bodyRequired && b.bodyRequired)
    details.push({ text: "a request body is now required", breaking: true });
  if (!a.keyRequired && b.keyRequired) details.push({ text: "an API key is now required", breaking: true });
  if (a.keyRequired && !b.keyRequired)
    details.push({ text: "an API key is no longer required", breaking: false });
  for (const code of b.responses)
    if (!a.responses.includes(code)) details.push({ text: `response ${code} added`, breaking: false });
  for (const code of a.responses)
    if (!b.responses.includes(code)) details.push({ text: `response ${code} removed`, breaking: true });
  if (details.length === 0) return null;
  return {
    operation: b.key,
    kind: "changed",
    breaking: details.some((d) => d.breaking),
    details: details.map((d) => (d.breaking ? `Breaking: ${d.text}` : d.text)),
  };
}

export function diffOpenApi(before: OpenApiDoc, after: OpenApiDoc): OperationChangeDto[] {
  const a = new Map(operationsOf(before).map((o) => [o.key, o]));
  const b = new Map(operationsOf(after).map((o) => [o.key, o]));
  const out: OperationChangeDto[] = [];
  for (const [key, op] of b) {
    const old = a.get(key);
    if (!old) out.push({ operation: key, kind: "added", breaking: false, details: [] });
    else {
      const changed = compareOperation(old, op);
      if (changed) out.push(changed);
    }
  }
  for (const key of a.keys())
    if (!b.has(key))
      out.push({ operation: key, kind: "removed", breaking: true, details: ["Breaking: operation removed"] });
  return out.sort(
    (x, y) => Number(y.breaking) - Number(x.breaking) || x.operation.localeCompare(y.operation),
  );
}

/**
 * The same comparison from GetDeployment's API summary (path → method → {apiKeyRequired}), which is all AWS tells
 * about a deployment that no stage serves yet (a canary's, or one about to be deployed): operations added or
 * removed and key requirements. Parameter changes are only known once the deployment is exported.
 */
export type ApiSummary = Record<string, Record<string, { apiKeyRequired?: boolean }>>;
export function diffApiSummary(before: ApiSummary, after: ApiSummary): OperationChangeDto[] {
  const flat = (s: ApiSummary) =>
    new Map(
      Object.entries(s).flatMap(([path, methods]) =>
        Object.entries(methods).map(([m, v]) => [`${m} ${path}`, v.apiKeyRequired === true] as const),
      ),
    );
  const a = flat(before);
  const b = flat(after);
  const out: OperationChangeDto[] = [];
  for (const [key, keyRequired] of b) {
    if (!a.has(key)) out.push({ operation: key, kind: "added", breaking: false, details: [] });
    else if (!a.get(key) && keyRequired)
      out.push({
        operation: key,
        kind: "changed",
        breaking: true,
        details: ["Breaking: an API key is now required"],
      });
  }
  for (const key of a.keys())
    if (!b.has(key))
      out.push({ operation: key, kind: "removed", breaking: true, details: ["Breaking: operation removed"] });
  return out.sort(
    (x, y) => Number(y.breaking) - Number(x.breaking) || x.operation.localeCompare(y.operation),
  );
}

/**
 * A deployment's API summary derived from its exported OpenAPI document (portal_api_doc) instead of asking AWS
 * (GetDeployment ?embed=apisummary): the same operations, keyed path → method, with `apiKeyRequired`.
 * test/portal.int.test.ts checks that both agree on the Local Gateway.
 */
export function apiSummaryOf(doc: OpenApiDoc): ApiSummary {
  const out: ApiSummary = {};
  for (const op of operationsOf(doc))
    (out[op.path] ??= {})[op.method] = { apiKeyRequired: op.apiKeyRequired };
  return out;
}
