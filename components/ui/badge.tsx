import { cva, type VariantProps } from "class-variance-authority";
import type * as React from "react";

import { cn } from "@/lib/utils/cn";

/** Tinted variants use a darker text colour in light mode: small text must keep 4.5:1 contrast (WCAG AA). */
export const badgeVariants = cva(
  "inline-flex w-fit shrink-0 items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-medium whitespace-nowrap [&_svg]:size-3 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        default: "border-transparent bg-primary text-primary-foreground",
        secondary: "border-transparent bg-secondary text-secondary-foreground",
        outline: "text-foreground",
        success:
          "border-success/30 bg-success/12 text-[oklch(0.42_0.11_155)] dark:bg-success/15 dark:text-success",
        warning: "border-warning/40 bg-warning/15 text-warning-foreground dark:text-warning",
        destructive:
          "border-destructive/30 bg-destructive/10 text-[oklch(0.46_0.19_27)] dark:bg-destructive/15 dark:text-[oklch(0.8_0.12_25)]",
        info: "border-info/30 bg-info/10 text-[oklch(0.44_0.1_225)] dark:text-info",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

export type BadgeProps = React.ComponentProps<"span"> & VariantProps<typeof badgeVariants>;

export function Badge({ className, variant, ...props }: BadgeProps) {
  return <span data-slot="badge" className={cn(badgeVariants({ variant }), className)} {...props} />;
}
