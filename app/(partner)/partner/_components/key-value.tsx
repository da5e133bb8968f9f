"use client";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";

/** The key value, shown exactly once right after create or rotate. */
export function KeyValue({ value }: { value: string }) {
  return (
    <div className="grid gap-2">
      <Alert variant="warning" title="Copy this key now">
        This is the only time Tollgate shows it. It is not stored anywhere we can read it back; if you lose
        it, rotate the key.
      </Alert>
      <div className="flex items-center gap-2 rounded border bg-muted p-2">
        <code className="grow font-mono text-sm break-all" data-testid="key-value">
          {value}
        </code>
        <CopyButton value={value} label="Copy API key">
          Copy
        </CopyButton>
      </div>
    </div>
  );
}
