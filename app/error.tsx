"use client";
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="mx-auto flex min-h-[60dvh] max-w-lg items-center px-4">
      <EmptyState
        icon={<TriangleAlert />}
        title="Something went wrong"
        description={`The page could not be shown. Try again; if it keeps failing, quote reference ${error.digest ?? "n/a"}.`}
        action={<Button onClick={reset}>Try again</Button>}
      />
    </div>
  );
}
