"use client";
import { useEffect, useState } from "react";

/** Time left in a rotated key's grace window, ticking every second. */
export function Countdown({ until }: { until: string }) {
  const [nowMs, setNow] = useState<number | null>(null);
  useEffect(() => {
    const first = setTimeout(() => setNow(Date.now()), 0);
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, []);
  const end = Date.parse(until);
  if (nowMs === null) return <span>{until.slice(0, 16).replace("T", " ")} UTC</span>;
  const left = Math.max(0, end - nowMs);
  if (left === 0) return <span>Grace ended; being retired</span>;
  const h = Math.floor(left / 3_600_000);
  const m = Math.floor((left % 3_600_000) / 60_000);
  const s = Math.floor((left % 60_000) / 1000);
  return (
    <span title={until} aria-label={`Stops working in ${h} hours ${m} minutes`}>
      Stops in {h > 0 ? `${h}h ` : ""}
      {m}m {s}s
    </span>
  );
}
