import type * as React from "react";

import { cn } from "@/lib/utils/cn";

export type PageHeaderProps = Omit<React.ComponentProps<"header">, "title"> & {
  /** Rendered as the page's <h1>. */
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Right-aligned buttons/links. */
  actions?: React.ReactNode;
  /** Small line above the title, e.g. breadcrumbs or a back link. */
  eyebrow?: React.ReactNode;
};

export function PageHeader({
  className,
  title,
  description,
  actions,
  eyebrow,
  children,
  ...props
}: PageHeaderProps) {
  return (
    <header data-slot="page-header" className={cn("flex flex-col gap-4 pb-6", className)} {...props}>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1">
          {eyebrow ? <div className="text-sm text-muted-foreground">{eyebrow}</div> : null}
          <h1 className="text-2xl font-semibold tracking-tight text-balance">{title}</h1>
          {description ? <p className="max-w-prose text-sm text-muted-foreground">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </header>
  );
}
