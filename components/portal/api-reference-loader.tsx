"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";
import type { OpenApiDoc } from "@/lib/portal/openapi";

// Scalar renders in the browser only (its Vue app does not server-render inside React).
const ApiReference = dynamic(() => import("./api-reference").then((m) => m.ApiReference), {
  ssr: false,
  loading: () => (
    <div className="grid gap-2" aria-busy="true" aria-label="Loading the reference">
      <Skeleton className="h-8 w-1/2" />
      <Skeleton className="h-40 w-full" />
    </div>
  ),
});

export function ApiReferenceLoader({ doc }: { doc: OpenApiDoc }) {
  return <ApiReference doc={doc} />;
}
