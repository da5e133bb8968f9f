import { ChevronDown } from "lucide-react";
import type * as React from "react";

import { controlClassName } from "@/components/ui/input";
import { cn } from "@/lib/utils/cn";

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = React.ComponentProps<"select"> & {
  /** Convenience for simple lists; children (<option>/<optgroup>) are rendered after these. */
  options?: readonly SelectOption[];
  /** Adds a first empty option with this text (value ""). */
  placeholder?: string;
};

/** A styled native <select>: works with FormData, react-hook-form's register, and every screen reader. */
export function Select({ className, options, placeholder, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative", className)} data-slot="select-wrapper">
      <select data-slot="select" className={cn(controlClassName, "h-9 appearance-none py-1 pr-8")} {...props}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options?.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
