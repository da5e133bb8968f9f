"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";
import { useTheme } from "next-themes";
import type { OpenApiDoc } from "@/lib/portal/openapi";

/**
 * The stage's OpenAPI document rendered by Scalar's API reference: operations grouped by resource (tag), their
 * parameters, request and response schemas, and Scalar's code samples (curl, JavaScript, Python…) against the
 * document's `servers` (the stage's invoke URL). Scalar's own request client is hidden: it would call the gateway
 * from the browser (blocked by our CSP's connect-src and by CORS); Try it goes through Tollgate's route instead.
 * Fonts come from the page (no request to Scalar's font CDN).
 */
export function ApiReference({ doc }: { doc: OpenApiDoc }) {
  const { resolvedTheme } = useTheme();
  return (
    <div className="scalar-reference overflow-hidden rounded-lg border" data-testid="api-reference">
      <ApiReferenceReact
        configuration={{
          content: doc,
          hideClientButton: true,
          hideTestRequestButton: true,
          hideDownloadButton: true,
          hideDarkModeToggle: true,
          withDefaultFonts: false,
          showSidebar: false,
          forceDarkModeState: resolvedTheme === "dark" ? "dark" : "light",
          defaultHttpClient: { targetKey: "shell", clientKey: "curl" },
          authentication: { preferredSecurityScheme: "api_key" },
        }}
      />
    </div>
  );
}
