import { queryOptions } from "@tanstack/react-query";
import type { SyncStateDto } from "@/lib/db/usage";

/** The usage sync's state; polls every second while a sync runs, every 30 s otherwise. */
export const syncStateQuery = () =>
  queryOptions({
    queryKey: ["usage-sync"],
    queryFn: async (): Promise<SyncStateDto> => {
      const res = await fetch("/api/ops/usage-sync", { cache: "no-store" });
      if (!res.ok) throw new Error("Could not read the sync state.");
      return (await res.json()) as SyncStateDto;
    },
    refetchInterval: (q) => (q.state.data?.running ? 1000 : 30_000),
  });
