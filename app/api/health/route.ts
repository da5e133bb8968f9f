import { NextResponse } from "next/server";
import { definePublicRoute } from "@/lib/auth/define-route";
import { pingDatabase } from "@/lib/db/health";

/** Liveness and database reachability for load balancers. Public; reveals nothing but "ok". */
export const GET = definePublicRoute({
  handler: async () => {
    const dbOk = await pingDatabase();
    return NextResponse.json(
      { status: dbOk ? "ok" : "degraded", database: dbOk },
      { status: dbOk ? 200 : 503 },
    );
  },
});
