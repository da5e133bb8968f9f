import { queryOptions } from "@tanstack/react-query";
import { ACTIVE_STATUSES, type RolloutDetailDto } from "@/lib/canary/types";

/** How often the live view polls a rollout that is still running or paused. */
export const ROLLOUT_POLL_MS = 3_000;

/** One rollout with its decision log (GET /api/ops/rollouts/[id], database only); polls until it has ended. */
export const rolloutQuery = (id: string) =>
  queryOptions({
    queryKey: ["rollouts", id],
    queryFn: async (): Promise<RolloutDetailDto> => {
      const res = await fetch(`/api/ops/rollouts/${encodeURIComponent(id)}`, { cache: "no-store" });
      const body = (await res.json().catch(() => ({}))) as RolloutDetailDto & { error?: string };
      if (!res.ok) throw new Error(body.error ?? `The rollout could not be loaded (${res.status}).`);
      return body;
    },
    refetchInterval: (q) =>
      !q.state.data || ACTIVE_STATUSES.includes(q.state.data.status) ? ROLLOUT_POLL_MS : false,
    staleTime: 0,
  });
