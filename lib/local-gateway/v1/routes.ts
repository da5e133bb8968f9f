import type { RouteDef } from "../routes";

/** Every API Gateway v1 operation, by path. Order matters only where patterns overlap (literal segments first). */
export const v1Routes: readonly RouteDef[] = [];
