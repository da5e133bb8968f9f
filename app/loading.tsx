import { Spinner } from "@/components/ui/spinner";

export default function Loading() {
  return (
    <div
      role="status"
      aria-live="polite"
      className="flex min-h-[40dvh] items-center justify-center gap-2 text-sm text-muted-foreground"
    >
      <Spinner /> Loading…
    </div>
  );
}
