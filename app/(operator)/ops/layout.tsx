import type { ReactNode } from "react";
import { RoleLayout } from "@/components/shell/role-layout";

export const dynamic = "force-dynamic";

export default function OpsLayout({ children }: { children: ReactNode }) {
  return <RoleLayout permission="ops.view">{children}</RoleLayout>;
}
