import type * as React from "react";

import { cn } from "@/lib/utils/cn";

export type DataColumn<T> = {
  /** Column header on wide screens; on a phone, the label in front of the value. */
  header: string;
  cell: (row: T) => React.ReactNode;
  /** Numbers: right-aligned with tabular figures on wide screens. */
  align?: "right";
  /**
   * The row's title on a phone: shown first, on its own line, without a label. Give one column per table this
   * role (usually the name or number), or a phone row starts with a labelled value.
   */
  primary?: boolean;
  /** Row actions: right-aligned; on a phone shown last, without a label. */
  actions?: boolean;
  /** Extra classes for this column's cells (both layouts). */
  className?: string;
};

type DataAttributes = { [data: `data-${string}`]: string | undefined };

export type DataTableProps<T> = {
  /** `false`/`null` entries are skipped, so a column can be conditional inline (`manage && {...}`). */
  columns: (DataColumn<T> | false | null | undefined)[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Extra attributes of a row (`data-testid`, …). */
  rowProps?: (row: T) => DataAttributes & { className?: string };
  /** Names the table for screen readers (visually hidden). */
  caption: string;
  /** A closing row (e.g. an invoice total). */
  footer?: { label: React.ReactNode; value: React.ReactNode; valueProps?: DataAttributes };
  className?: string;
};

/**
 * The list pages' table shell: a real <table> on wide screens and in print; on a phone (screens below the `md`
 * breakpoint, the `phone:` variant in app/globals.css) every row becomes a card of stacked "label … value" lines,
 * so a 390 px screen never scrolls sideways. One DOM for both layouts (no duplicated rows for tests or screen
 * readers). The explicit roles keep the table's semantics when CSS changes its display on a phone (browsers drop
 * them otherwise); the labels shown on a phone are aria-hidden because the column header already names each cell.
 */
export function DataTable<T>({
  columns: maybeColumns,
  rows,
  rowKey,
  rowProps,
  caption,
  footer,
  className,
}: DataTableProps<T>) {
  const columns = maybeColumns.filter((c): c is DataColumn<T> => Boolean(c));
  return (
    <div data-slot="table-container" className={cn("relative w-full overflow-x-auto", className)}>
      <table role="table" className="w-full text-sm phone:block">
        <caption className="sr-only">{caption}</caption>
        <thead role="rowgroup" className="phone:sr-only [&_tr]:border-b">
          <tr role="row">
            {columns.map((c) => (
              <th
                key={c.header}
                role="columnheader"
                scope="col"
                className={cn(
                  "h-10 px-3 text-left align-middle font-medium whitespace-nowrap text-muted-foreground",
                  (c.align === "right" || c.actions) && "text-right",
                )}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="phone:flex phone:flex-col phone:gap-3 [&_tr:last-child]:border-0">
          {rows.map((row) => {
            const { className: rowClass, ...extra } = rowProps?.(row) ?? {};
            return (
              <tr
                key={rowKey(row)}
                role="row"
                {...extra}
                className={cn(
                  "border-b transition-colors hover:bg-muted/50",
                  "phone:flex phone:flex-col phone:gap-1.5 phone:rounded-lg phone:border phone:bg-card phone:p-3 phone:hover:bg-card phone:[&:last-child]:border",
                  rowClass,
                )}
              >
                {columns.map((c) => (
                  <td
                    key={c.header}
                    role="cell"
                    className={cn(
                      "px-3 py-2.5 align-middle phone:p-0",
                      c.align === "right" && "text-right tabular-nums",
                      c.actions && "text-right phone:order-last phone:pt-1",
                      c.primary && "phone:order-first phone:font-medium phone:break-words",
                      !c.primary &&
                        !c.actions &&
                        "phone:flex phone:items-baseline phone:justify-between phone:gap-3 phone:text-right",
                      c.className,
                    )}
                  >
                    {c.primary || c.actions ? null : (
                      <span
                        aria-hidden="true"
                        className="hidden shrink-0 text-left text-xs font-normal text-muted-foreground phone:inline"
                      >
                        {c.header}
                      </span>
                    )}
                    {c.primary || c.actions ? (
                      c.cell(row)
                    ) : (
                      <span className="min-w-0 phone:[overflow-wrap:anywhere]">{c.cell(row)}</span>
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        {footer ? (
          <tfoot
            role="rowgroup"
            className="border-t bg-muted/50 font-semibold phone:mt-3 phone:block phone:rounded-lg phone:border"
          >
            <tr role="row" className="phone:flex phone:justify-between phone:gap-3 phone:p-3">
              <td role="cell" colSpan={Math.max(1, columns.length - 1)} className="px-3 py-2.5 phone:p-0">
                {footer.label}
              </td>
              <td
                role="cell"
                {...footer.valueProps}
                className="px-3 py-2.5 text-right tabular-nums phone:p-0"
              >
                {footer.value}
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
