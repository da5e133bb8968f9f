import type * as React from "react";

import { controlClassName } from "@/components/ui/input";
import { cn } from "@/lib/utils/cn";

export type TextareaProps = React.ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      data-slot="textarea"
      className={cn(controlClassName, "min-h-16 py-2 field-sizing-content", className)}
      {...props}
    />
  );
}
