import type * as React from "react";

import { cn } from "@/lib/utils/cn";

export type CheckboxProps = Omit<React.ComponentProps<"input">, "type">;

/** A native checkbox (submits with FormData, works with register()); pair it with <Label htmlFor>. */
export function Checkbox({ className, ...props }: CheckboxProps) {
  return (
    <input
      type="checkbox"
      data-slot="checkbox"
      className={cn(
        "peer size-4 shrink-0 rounded-sm border-input accent-primary disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:outline-2 aria-invalid:outline-destructive",
        className,
      )}
      {...props}
    />
  );
}
