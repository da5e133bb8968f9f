import type { Actor } from "@/lib/auth/actor";
import { freshness } from "@/lib/inventory/read";
import type { RefreshTarget } from "@/lib/schemas/inventory";
import { FreshnessBar } from "./refresh-button";

/** Server part of the freshness line: reads when the object on screen was last read from AWS (database only). */
export async function Freshness({ actor, target }: { actor: Actor; target: RefreshTarget }) {
  const f = await freshness(actor, target.kind === "rest" || target.kind === "v2" ? target : { kind: "all" });
  return <FreshnessBar asOf={f.asOf} live={f.live} warming={f.warming} target={target} />;
}
