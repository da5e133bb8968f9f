import type * as React from "react";

import { cn } from "@/lib/utils/cn";

/** Loading placeholder; hidden from screen readers (announce loading once, e.g. with <Spinner label>). */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}
