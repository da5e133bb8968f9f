"use client";
import { cn } from "@/lib/utils/cn";

/** A small segmented control for 1 h / 6 h / 24 h / 7 d (radio semantics, so arrow keys and screen readers work). */
export function RangePicker<T extends string>({
  value,
  onChange,
  options,
}: {
  value: T;
  onChange: (v: T) => void;
  options: readonly T[];
}) {
  return (
    <div role="radiogroup" aria-label="Time range" className="inline-flex rounded-md border p-0.5">
      {options.map((o) => (
        <button
          key={o}
          type="button"
          role="radio"
          aria-checked={o === value}
          onClick={() => onChange(o)}
          className={cn(
            "rounded px-2.5 py-1 text-xs font-medium",
            o === value ? "bg-primary text-primary-foreground" : "hover:bg-accent",
          )}
        >
          {o}
        </button>
      ))}
    </div>
  );
}
