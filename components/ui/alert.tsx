import { cva, type VariantProps } from "class-variance-authority";
import {
  CircleCheck,
  CircleExclamationPoint,
  Info,
  TriangleExclamationPoint,
  type LucideIcon,
} from "lucide-react";
import type * as React from "react";

import { cn } from "@/lib/utils/cn";

export const alertVariants = cva(
  "relative flex w-full items-start gap-3 rounded-lg border px-4 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0",
  {
    variants: {
      variant: {
        info: "border-info/30 bg-info/8 text-foreground [&>svg]:text-info",
        success: "border-success/30 bg-success/8 text-foreground [&>svg]:text-success",
        warning:
          "border-warning/50 bg-warning/12 text-foreground [&>svg]:text-warning-foreground dark:[&>svg]:text-warning",
        destructive: "border-destructive/30 bg-destructive/8 text-foreground [&>svg]:text-destructive",
      },
    },
    defaultVariants: { variant: "info" },
  },
);

type AlertVariant = NonNullable<VariantProps<typeof alertVariants>["variant"]>;

const icons: Record<AlertVariant, LucideIcon> = {
  info: Info,
  success: CircleCheck,
  warning: TriangleExclamationPoint,
  destructive: CircleExclamationPoint,
};

export type AlertProps = Omit<React.ComponentProps<"div">, "title"> & {
  variant?: AlertVariant;
  title?: React.ReactNode;
  /** Replaces the variant's icon; pass null to hide it. */
  icon?: React.ReactNode;
  /** Trailing slot, e.g. a retry Button. */
  action?: React.ReactNode;
};

/**
 * Inline banner. Destructive/warning default to role="alert" (interrupting), info/success to role="status";
 * override with `role` when the banner is present on first render and should not be announced.
 */
export function Alert({
  className,
  variant = "info",
  title,
  icon,
  action,
  children,
  role,
  ...props
}: AlertProps) {
  const Icon = icons[variant];
  return (
    <div
      data-slot="alert"
      role={role ?? (variant === "destructive" || variant === "warning" ? "alert" : "status")}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    >
      {icon === undefined ? <Icon aria-hidden="true" /> : icon}
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        {title ? <p className="leading-5 font-medium">{title}</p> : null}
        {children ? <div className="text-muted-foreground [&_p]:leading-relaxed">{children}</div> : null}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
