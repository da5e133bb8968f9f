import type { RouteDef } from "../routes";

export const v2Routes: readonly RouteDef[] = [];
