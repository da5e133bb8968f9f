import type { Metadata } from "next";
import Link from "next/link";
import { RolloutLive } from "@/components/rollouts/rollout-live";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { readPage } from "@/lib/page-read";
import { PageReadError } from "@/components/page-read-error";
import { loadRollout } from "@/lib/canary/loaders";

export const metadata: Metadata = { title: "Rollout" };

export default async function RolloutPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("ops.view");
  const { id } = await params;
  const read = await readPage(loadRollout(actor, id));
  if (!read.ok) return <PageReadError title="The rollout could not be loaded" message={read.message} />;
  const rollout = read.data;
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
