import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
