import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientAddress } from "./client-address";

/**
 * The client address of the request a server action or page is handling (the socket peer, or what TRUSTED_PROXIES
 * hops report). Null outside a request — a job, a script or a test calling the code directly — where Next's
 * `headers()` has no request to read.
 */
export async function requestClientAddress(): Promise<string | null> {
  let h: Awaited<ReturnType<typeof headers>>;
  try {
    h = await headers();
  } catch {
    return null; // called outside a request scope
  }
  return clientAddress(h, env.TRUSTED_PROXIES);
}
