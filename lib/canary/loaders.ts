import "server-only";

/** What the rollout screens and the live view's route load: the database only, never AWS (lib/db/rollouts.ts). */
export { listRollouts as loadRollouts, getRollout as loadRollout } from "@/lib/db/rollouts";
