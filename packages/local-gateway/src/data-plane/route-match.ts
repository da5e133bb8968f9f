/**
 * Resource matching against a deployment's frozen resources. Precedence at each segment: a literal path part, then
 * `{param}` (one segment), then `{proxy+}` (one or more segments, greedy). A method is found by its own name, then
 * ANY. If the most specific resource lacks the method, matching backtracks to less specific ones (a `{proxy+}`
 * sibling that has ANY still catches the request) — API Gateway's documented precedence is per path only;
 * backtracking on the method is our choice and only ever turns a 403 into a match.
 */

export interface RouteResource<M> {
  readonly path: string;
  readonly methods?: Readonly<Record<string, M>> | undefined;
}

export interface RouteMatch<M> {
  readonly resource: RouteResource<M>;
  readonly method: M;
  /** The method key that matched: the request's method or "ANY". */
  readonly methodKey: string;
  /** Raw (still percent-encoded) values by parameter name; a greedy `{proxy+}` is stored under `proxy`. */
  readonly params: Record<string, string>;
}

interface Node<M> {
  literal: Map<string, Node<M>>;
  param: { name: string; node: Node<M> } | undefined;
  greedy: { name: string; resource: RouteResource<M> } | undefined;
  resource: RouteResource<M> | undefined;
}

export interface RouteTable<M> {
  readonly root: Node<M>;
}

function newNode<M>(): Node<M> {
  return { literal: new Map(), param: undefined, greedy: undefined, resource: undefined };
}

export function splitPath(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

export function compileRoutes<M>(resources: readonly RouteResource<M>[]): RouteTable<M> {
  const root = newNode<M>();
  for (const resource of resources) {
    let node = root;
    const segments = splitPath(resource.path);
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i] as string;
      const braced = seg.startsWith("{") && seg.endsWith("}");
      if (braced && seg.endsWith("+}")) {
        // A greedy segment is always the last one; anything after it cannot be addressed.
        node.greedy = { name: seg.slice(1, -2), resource };
        node = newNode<M>();
        break;
      }
      if (braced) {
        const name = seg.slice(1, -1);
        if (node.param === undefined) node.param = { name, node: newNode<M>() };
        node = node.param.node;
        continue;
      }
      let next = node.literal.get(seg);
      if (next === undefined) {
        next = newNode<M>();
        node.literal.set(seg, next);
      }
      node = next;
    }
    if (!segments.some((s) => s.endsWith("+}"))) node.resource = resource;
  }
  return { root };
}

function pickMethod<M>(resource: RouteResource<M> | undefined, method: string): [string, M] | undefined {
  const methods = resource?.methods;
  if (methods === undefined) return undefined;
  const own = methods[method];
  if (own !== undefined) return [method, own];
  const any = methods.ANY;
  return any !== undefined ? ["ANY", any] : undefined;
}

function walk<M>(
  node: Node<M>,
  segments: readonly string[],
  index: number,
  method: string,
  params: Record<string, string>,
): RouteMatch<M> | undefined {
  if (index === segments.length) {
    const picked = pickMethod(node.resource, method);
    if (picked !== undefined && node.resource !== undefined) {
      return { resource: node.resource, method: picked[1], methodKey: picked[0], params };
    }
    return undefined;
  }
  const seg = segments[index] as string;
  const literal = node.literal.get(seg);
  if (literal !== undefined) {
    const found = walk(literal, segments, index + 1, method, params);
    if (found !== undefined) return found;
  }
  if (node.param !== undefined) {
    params[node.param.name] = seg;
    const found = walk(node.param.node, segments, index + 1, method, params);
    if (found !== undefined) return found;
    delete params[node.param.name];
  }
  if (node.greedy !== undefined) {
    const picked = pickMethod(node.greedy.resource, method);
    if (picked !== undefined) {
      params[node.greedy.name] = segments.slice(index).join("/");
      return { resource: node.greedy.resource, method: picked[1], methodKey: picked[0], params };
    }
  }
  return undefined;
}

/** `path` is the part after `/_user_request_`, still percent-encoded; empty segments (double or trailing `/`) are ignored. */
export function matchRoute<M>(table: RouteTable<M>, method: string, path: string): RouteMatch<M> | undefined {
  return walk(table.root, splitPath(path), 0, method.toUpperCase(), {});
}
