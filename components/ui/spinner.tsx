import { LoaderCircle } from "lucide-react";

import { cn } from "@/lib/utils/cn";

export type SpinnerProps = {
  className?: string;
  /** When set, the spinner is announced (role="status") with this text; otherwise it is decorative. */
  label?: string;
};

export function Spinner({ className, label }: SpinnerProps) {
  const icon = <LoaderCircle aria-hidden="true" className={cn("size-4 animate-spin", className)} />;
  if (!label) return icon;
  return (
    <span role="status" className="inline-flex items-center">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}
