// The metric-math subset the emulator evaluates: numbers, query ids, + - * /, unary minus, parentheses, and the
// functions FILL(x, number), ABS(x). Series are aligned by timestamp: a binary operation on two series keeps the
// timestamps present in both; a series with a number applies to every point. Results that are not finite (division
// by zero) are dropped, as AWS drops them. Anything else (IF, METRICS(), SEARCH, SUM(…) …) is refused by the caller
// with InvalidParameterValue.

export type MathNode =
  | { type: "num"; value: number }
  | { type: "ref"; id: string }
  | { type: "neg"; arg: MathNode }
  | { type: "bin"; op: "+" | "-" | "*" | "/"; left: MathNode; right: MathNode }
  | { type: "call"; fn: "FILL" | "ABS"; args: MathNode[] };

export class MathError extends Error {}

const FUNCTIONS = new Set(["FILL", "ABS"]);

export function parseExpression(text: string): MathNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const expect = (t: string): void => {
    if (tokens[pos] !== t) throw new MathError(`Expected '${t}' in expression '${text}'.`);
    pos++;
  };

  function primary(): MathNode {
    const t = peek();
    if (t === undefined) throw new MathError(`Unexpected end of expression '${text}'.`);
    pos++;
    if (t === "(") {
      const inner = sum();
      expect(")");
      return inner;
    }
    if (t === "-") return { type: "neg", arg: primary() };
    if (/^\d/.test(t) || t.startsWith(".")) return { type: "num", value: Number(t) };
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() === "(") {
        const fn = t.toUpperCase();
        if (!FUNCTIONS.has(fn)) throw new MathError(`Unsupported function ${t} in expression '${text}'.`);
        pos++;
        const args: MathNode[] = [];
        if (peek() !== ")") {
          args.push(sum());
          while (peek() === ",") {
            pos++;
            args.push(sum());
          }
        }
        expect(")");
        if (fn === "FILL" && (args.length !== 2 || args[1]!.type !== "num")) {
          throw new MathError("FILL takes a time series and a number, e.g. FILL(m1, 0).");
        }
        if (fn === "ABS" && args.length !== 1) throw new MathError("ABS takes one argument.");
        return { type: "call", fn: fn as "FILL", args };
      }
      return { type: "ref", id: t };
    }
    throw new MathError(`Unexpected '${t}' in expression '${text}'.`);
  }

  function product(): MathNode {
    let left = primary();
    while (peek() === "*" || peek() === "/") {
      const op = tokens[pos++] as "*" | "/";
      left = { type: "bin", op, left, right: primary() };
    }
    return left;
  }

  function sum(): MathNode {
    let left = product();
    while (peek() === "+" || peek() === "-") {
      const op = tokens[pos++] as "+" | "-";
      left = { type: "bin", op, left, right: product() };
    }
    return left;
  }

  const node = sum();
  if (pos !== tokens.length) throw new MathError(`Unexpected '${tokens[pos]}' in expression '${text}'.`);
  return node;
}

function tokenize(text: string): string[] {
  // String literals are tokenized only so that SEARCH('…') fails as an unsupported function, not as bad syntax.
  const re =
    /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/(),])|('[^']*'|"[^"]*"))/y;
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) throw new MathError(`Unsupported syntax at '${text.slice(i).trim()}' in expression '${text}'.`);
    out.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
    i = re.lastIndex;
  }
  if (out.length === 0) throw new MathError("The expression is empty.");
  return out;
}

export function references(node: MathNode, into: Set<string> = new Set()): Set<string> {
  if (node.type === "ref") into.add(node.id);
  else if (node.type === "neg") references(node.arg, into);
  else if (node.type === "bin") {
    references(node.left, into);
    references(node.right, into);
  } else if (node.type === "call") for (const a of node.args) references(a, into);
  return into;
}

/** A time series keyed by timestamp (ms), with the period its points step by (for FILL). */
export interface MathSeries {
  points: Map<number, number>;
  periodMs: number;
  /** Where the series' period grid starts (the query's rounded StartTime). */
  startMs: number;
}
type MathValue = number | MathSeries;

export interface MathEnv {
  lookup(id: string): MathSeries;
  endMs: number;
}

export function evaluate(node: MathNode, env: MathEnv): MathValue {
  switch (node.type) {
    case "num":
      return node.value;
    case "ref":
      return env.lookup(node.id);
    case "neg":
      return apply(evaluate(node.arg, env), (a) => -a);
    case "bin": {
      const op = OPS[node.op];
      return combine(evaluate(node.left, env), evaluate(node.right, env), op);
    }
    case "call": {
      const arg = evaluate(node.args[0]!, env);
      if (node.fn === "ABS") return apply(arg, (a) => Math.abs(a));
      const fill = (node.args[1] as { value: number }).value;
      if (typeof arg === "number") return arg;
      const points = new Map<number, number>();
      const step = arg.periodMs;
      for (let t = arg.startMs; t < env.endMs; t += step) points.set(t, arg.points.get(t) ?? fill);
      return { points, periodMs: step, startMs: arg.startMs };
    }
  }
}

const OPS = {
  "+": (a: number, b: number) => a + b,
  "-": (a: number, b: number) => a - b,
  "*": (a: number, b: number) => a * b,
  "/": (a: number, b: number) => a / b,
};

function apply(v: MathValue, f: (a: number) => number): MathValue {
  if (typeof v === "number") return f(v);
  const points = new Map<number, number>();
  for (const [t, a] of v.points) {
    const r = f(a);
    if (Number.isFinite(r)) points.set(t, r);
  }
  return { points, periodMs: v.periodMs, startMs: v.startMs };
}

function combine(a: MathValue, b: MathValue, f: (x: number, y: number) => number): MathValue {
  if (typeof a === "number" && typeof b === "number") return f(a, b);
  if (typeof a === "number") return apply(b, (y) => f(a, y));
  if (typeof b === "number") return apply(a, (x) => f(x, b));
  const points = new Map<number, number>();
  for (const [t, x] of a.points) {
    const y = b.points.get(t);
    if (y === undefined) continue;
    const r = f(x, y);
    if (Number.isFinite(r)) points.set(t, r);
  }
  return { points, periodMs: Math.min(a.periodMs, b.periodMs), startMs: Math.min(a.startMs, b.startMs) };
}
