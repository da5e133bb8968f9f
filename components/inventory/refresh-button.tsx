"use client";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { refreshInventoryAction } from "@/lib/actions/refresh-inventory";
import { formatDateTime, formatRelative } from "@/lib/format";
import type { RefreshTarget } from "@/lib/schemas/inventory";

/** "As of 12 s ago" (ticking) and a Refresh button that re-reads the object on screen from AWS. */
export function FreshnessBar({
  asOf,
  live,
  warming = false,
  target,
}: {
  asOf: string | null;
  live: boolean;
  /** The inventory's first sync is under way: lists may be incomplete. */
  warming?: boolean;
  target: RefreshTarget;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 5_000);
    return () => clearInterval(t);
  }, []);
  const refresh = () =>
    start(async () => {
      const res = await refreshInventoryAction(target);
      if (!res.ok) return void toast.error(res.error ?? "Refresh failed.");
      toast.success(
        res.data.started ? "A sync started; the lists update when it ends." : "Read from AWS just now.",
      );
      router.refresh();
    });
  return (
    <div
      className="mb-4 flex flex-wrap items-center gap-2 text-sm text-muted-foreground"
      data-testid="freshness"
    >
      <span aria-live="polite">
        {live ? (
          "Read live from API Gateway (the inventory has not finished its first sync)."
        ) : warming && target.kind !== "rest" && target.kind !== "v2" ? (
          "Loading the inventory: Tollgate is reading API Gateway for the first time (its first sync), so this list may be incomplete for a few minutes."
        ) : asOf ? (
          <>
            As of{" "}
            <time dateTime={asOf} title={formatDateTime(asOf)}>
              {formatRelative(asOf)}
            </time>
            , from Tollgate&apos;s inventory of API Gateway.
          </>
        ) : (
          "Not in the inventory yet."
        )}
      </span>
      {live ? null : (
        <Button
          variant="ghost"
          size="sm"
          onClick={refresh}
          disabled={pending}
          aria-label="Refresh from AWS now"
        >
          <RefreshCw className={pending ? "animate-spin" : ""} aria-hidden />
          Refresh
        </Button>
      )}
    </div>
  );
}
