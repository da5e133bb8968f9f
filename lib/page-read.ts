import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

export type PageRead<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * The one way a page reads what it shows (any feature's loader, the database or API Gateway behind it): what `load`
 * resolves to; Next's 404 page for a "not found" (including another tenant's record, so a partner cannot tell it
 * exists, and an API or stage that API Gateway does not know); or, for any other error mapped at the lib/db or
 * lib/aws boundary (throttled, access denied, unreachable), its message for the page to show (`<PageReadError>`).
 * Anything unexpected goes to the error boundary. For Server Components only.
 */
export async function readPage<T>(load: Promise<T>): Promise<PageRead<T>> {
  try {
    return { ok: true, data: await load };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code === "not_found") notFound();
    return { ok: false, message: e.message };
  }
}
