/**
 * HTTP_PROXY integration URIs: `${stageVariables.name}` and `{param}` / `{proxy}` (also `{proxy+}`) placeholders.
 * Compiled once per integration so a request only concatenates strings.
 */

type Part = string | { readonly stageVariable: string } | { readonly pathParam: string };

export interface UriTemplate {
  readonly parts: readonly Part[];
  /** True when there is nothing to substitute. */
  readonly isStatic: boolean;
}

const PLACEHOLDER = /\$\{stageVariables\.([A-Za-z0-9_]+)\}|\{([A-Za-z0-9_.-]+?)\+?\}/g;

export function compileUriTemplate(uri: string): UriTemplate {
  const parts: Part[] = [];
  let last = 0;
  for (const m of uri.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(uri.slice(last, m.index));
    if (m[1] !== undefined) parts.push({ stageVariable: m[1] });
    else if (m[2] !== undefined) parts.push({ pathParam: m[2] });
    last = m.index + m[0].length;
  }
  if (last < uri.length) parts.push(uri.slice(last));
  return { parts, isStatic: parts.every((p) => typeof p === "string") };
}

/**
 * Path parameter values are inserted as they arrived (still percent-encoded), so the upstream sees the client's
 * encoding. A missing stage variable or parameter becomes empty, which usually yields an unreachable URL → 5xx,
 * the same outcome AWS gives for an unresolvable integration URI.
 */
export function renderUri(
  template: UriTemplate,
  stageVariables: Readonly<Record<string, string>>,
  pathParams: Readonly<Record<string, string>>,
): string {
  let out = "";
  for (const part of template.parts) {
    if (typeof part === "string") out += part;
    else if ("stageVariable" in part) out += stageVariables[part.stageVariable] ?? "";
    else out += pathParams[part.pathParam] ?? "";
  }
  return out;
}

/** Appends the client's query string to the rendered target, keeping any query the URI already has. */
export function withQuery(target: string, query: string): string {
  if (query.length === 0) return target;
  return target.includes("?") ? `${target}&${query}` : `${target}?${query}`;
}
