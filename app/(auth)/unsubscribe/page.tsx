import type { Metadata } from "next";
import { UnsubscribeCard } from "./_components/unsubscribe-card";

export const metadata: Metadata = { title: "Stop alerts" };

/**
 * The target of an alert mail's unsubscribe link. The token travels after `#` (never sent to the server with the
 * page request, so no access log holds it); the card reads it and, on a click, sends it to the one action it works
 * for. No sign-in needed.
 */
export default function UnsubscribePage() {
  return <UnsubscribeCard />;
}
