import type { ReactNode } from "react";
import { RoleLayout } from "@/components/shell/role-layout";

export const dynamic = "force-dynamic";

export default function PartnerLayout({ children }: { children: ReactNode }) {
  return <RoleLayout permission="partner.view">{children}</RoleLayout>;
}
