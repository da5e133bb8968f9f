import { Alert } from "@/components/ui/alert";

/** What a page shows instead of its content when its read failed with a mapped error (see lib/page-read.ts). */
export function PageReadError({
  message,
  title = "API Gateway could not be read",
}: {
  message: string;
  title?: string;
}) {
  return (
    <Alert variant="destructive" title={title}>
      {message}
    </Alert>
  );
}
