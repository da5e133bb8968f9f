import type { OpContext } from "./context";
import type { Reply } from "./http";

export type OpHandler = (ctx: OpContext) => Reply | Promise<Reply>;

/** [HTTP method, path pattern with {labels}, operation name, handler]. */
export type RouteDef = readonly [method: string, pattern: string, op: string, handler: OpHandler];
