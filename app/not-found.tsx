import Link from "next/link";
import { SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-lg items-center px-4">
      <EmptyState
        titleAs="h1"
        icon={<SearchX />}
        title="Page not found"
        description="The page or record you asked for does not exist, or you cannot see it."
        action={
          <Button asChild variant="outline">
            <Link href="/">Go home</Link>
          </Button>
        }
      />
    </main>
  );
}
