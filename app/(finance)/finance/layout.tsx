import type { ReactNode } from "react";
import { RoleLayout } from "@/components/shell/role-layout";

export const dynamic = "force-dynamic";

export default function FinanceLayout({ children }: { children: ReactNode }) {
  return <RoleLayout permission="finance.view">{children}</RoleLayout>;
}
