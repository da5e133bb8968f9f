import { Construction } from "lucide-react";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** A navigation section whose screens arrive with a later issue; it says what will be here, not "done". */
export function SectionPlaceholder({
  title,
  description,
  arrives,
}: {
  title: string;
  description: ReactNode;
  arrives: string;
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState
        icon={<Construction />}
        title="Not built yet"
        description={`This section arrives with ${arrives}.`}
      />
    </>
  );
}
