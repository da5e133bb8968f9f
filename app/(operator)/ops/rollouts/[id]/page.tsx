import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RolloutLive } from "@/components/rollouts/rollout-live";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import type { RolloutDetailDto } from "@/lib/canary/types";
import { getRollout } from "@/lib/db/rollouts";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Rollout" };

export default async function RolloutPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("ops.view");
  const { id } = await params;
  let rollout: RolloutDetailDto;
  try {
    rollout = await getRollout(actor, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/ops/rollouts" className="hover:underline">
            ← Rollouts
          </Link>
        }
        title={`Rollout to ${rollout.apiName} / ${rollout.stageName}`}
        description="A stepped canary rollout: a growing share of the stage's requests goes to a new deployment, and at each evaluation Tollgate compares its errors and latency with the base. Healthy steps advance; failed checks roll it back; after the last step it is promoted."
      />
      <RolloutLive initial={rollout} manage={can(actor.role, "gateway.manage")} />
    </>
  );
}
