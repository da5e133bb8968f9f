import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { ROLE_HOME } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? ROLE_HOME[actor.role] : "/login");
}
