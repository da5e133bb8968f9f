import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
  turbopack: { root: import.meta.dirname },
  // forbidden() → app/forbidden.tsx with HTTP 403 (the /forbidden page).
  experimental: { authInterrupts: true },
};

export default nextConfig;
