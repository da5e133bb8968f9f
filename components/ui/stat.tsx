import type * as React from "react";

import { cn } from "@/lib/utils/cn";

export type StatProps = Omit<React.ComponentProps<"div">, "children"> & {
  label: React.ReactNode;
  value: React.ReactNode;
  /** Small line under the value, e.g. "of 10,000 this month" or a trend. */
  hint?: React.ReactNode;
  /** Decorative icon shown next to the label. */
  icon?: React.ReactNode;
};

/** A metric tile (label → value → hint) using a <dl> so the label and value stay paired for screen readers. */
export function Stat({ className, label, value, hint, icon, ...props }: StatProps) {
  return (
    <div
      data-slot="stat"
      className={cn("rounded-lg border bg-card p-4 text-card-foreground shadow-xs", className)}
      {...props}
    >
      <dl className="flex flex-col gap-1">
        <dt className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
          <span>{label}</span>
          {icon ? (
            <span aria-hidden="true" className="text-muted-foreground [&_svg]:size-4">
              {icon}
            </span>
          ) : null}
        </dt>
        <dd className="text-2xl font-semibold tracking-tight tabular-nums">{value}</dd>
        {hint ? <dd className="text-xs text-muted-foreground">{hint}</dd> : null}
      </dl>
    </div>
  );
}

/** Responsive grid for a row of Stat tiles. */
export function StatGrid({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="stat-grid"
      className={cn("grid gap-4 sm:grid-cols-2 lg:grid-cols-4", className)}
      {...props}
    />
  );
}
