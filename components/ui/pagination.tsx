import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";

import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils/cn";

/** A page's awaited `searchParams` or a URLSearchParams. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Builds `basePath?…&page=N`, keeping the other query params (filters, sort); page 1 drops the param. */
export function pageHref(
  basePath: string,
  searchParams: SearchParamsInput | undefined,
  page: number,
  pageParam = "page",
): string {
  const params = new URLSearchParams();
  if (searchParams instanceof URLSearchParams) {
    searchParams.forEach((value, key) => params.append(key, value));
  } else if (searchParams) {
    for (const [key, value] of Object.entries(searchParams)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
    }
  }
  params.delete(pageParam);
  if (page > 1) params.set(pageParam, String(page));
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath || "?";
}

export type PaginationProps = {
  /** Current page, 1-based. */
  page: number;
  /** Total pages when known (offset paging); otherwise pass `hasNext` (cursor/`position` paging). */
  pageCount?: number;
  hasNext?: boolean;
  /** Full control over links; otherwise links are built from basePath + searchParams. */
  hrefFor?: (page: number) => string;
  basePath?: string;
  searchParams?: SearchParamsInput;
  pageParam?: string;
  /** aria-label of the <nav>; make it unique when a page has two paginated lists. */
  label?: string;
  className?: string;
};

const linkClass = buttonVariants({ variant: "outline", size: "sm" });
const disabledClass = cn(linkClass, "pointer-events-none opacity-50");

/** Previous/Next links (no client JS); renders nothing when everything fits on one page. */
export function Pagination({
  page,
  pageCount,
  hasNext,
  hrefFor,
  basePath = "",
  searchParams,
  pageParam = "page",
  label = "Pagination",
  className,
}: PaginationProps) {
  const current = Math.max(1, Math.floor(page));
  const hasPrevious = current > 1;
  const hasMore = pageCount !== undefined ? current < pageCount : Boolean(hasNext);
  if (!hasPrevious && !hasMore) return null;

  const href = (target: number) =>
    hrefFor ? hrefFor(target) : pageHref(basePath, searchParams, target, pageParam);
  return (
    <nav aria-label={label} className={cn("flex items-center justify-between gap-4 pt-4", className)}>
      <p className="text-sm text-muted-foreground tabular-nums">
        {pageCount !== undefined ? `Page ${current} of ${Math.max(pageCount, 1)}` : `Page ${current}`}
      </p>
      <div className="flex items-center gap-2">
        {hasPrevious ? (
          <Link
            href={href(current - 1)}
            rel="prev"
            aria-label={`Previous page, page ${current - 1}`}
            className={linkClass}
          >
            <ChevronLeft aria-hidden="true" />
            Previous
          </Link>
        ) : (
          <span role="link" aria-disabled="true" aria-label="Previous page" className={disabledClass}>
            <ChevronLeft aria-hidden="true" />
            Previous
          </span>
        )}
        {hasMore ? (
          <Link
            href={href(current + 1)}
            rel="next"
            aria-label={`Next page, page ${current + 1}`}
            className={linkClass}
          >
            Next
            <ChevronRight aria-hidden="true" />
          </Link>
        ) : (
          <span role="link" aria-disabled="true" aria-label="Next page" className={disabledClass}>
            Next
            <ChevronRight aria-hidden="true" />
          </span>
        )}
      </div>
    </nav>
  );
}
