import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

export type GatewayRead<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * For the gateway console's pages: what `load` resolves to; the 404 page when API Gateway says the API or stage
 * does not exist; or, for any other error mapped at the lib/aws boundary (throttled, access denied, unreachable),
 * its message for the page to show (`<GatewayReadError>`). Anything unexpected goes to the error boundary.
 */
export async function readGateway<T>(load: Promise<T>): Promise<GatewayRead<T>> {
  try {
    return { ok: true, data: await load };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code === "not_found") notFound();
    return { ok: false, message: e.message };
  }
}
