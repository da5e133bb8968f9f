import type { Metadata } from "next";
import { forbidden } from "next/navigation";

export const metadata: Metadata = { title: "Not allowed" };
export const dynamic = "force-dynamic";

/**
 * requirePermission() sends people here when their role may not open a page. `forbidden()` renders app/forbidden.tsx
 * with HTTP status 403 (not a 200 that only looks like an error).
 */
export default function ForbiddenPage(): never {
  forbidden();
}
