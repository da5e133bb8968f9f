import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { HydrationMark } from "@/components/providers/hydration-mark";
import { QueryProvider } from "@/components/providers/query-provider";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tollgate", template: "%s · Tollgate" },
  description: "Console and control plane for Amazon API Gateway",
};

// The CSP nonce of this response (proxy.ts): next-themes' inline script needs it. Reading headers also makes every
// page dynamic, which a per-response nonce requires.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="bg-background text-foreground antialiased">
        <ThemeProvider nonce={nonce}>
          <QueryProvider>{children}</QueryProvider>
          <Toaster />
          <HydrationMark />
        </ThemeProvider>
      </body>
    </html>
  );
}
