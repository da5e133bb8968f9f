"use client";
import type * as React from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";

/**
 * Shows a single-use link (invitation, password reset) once, with a copy button. Tollgate keeps no usable copy, so
 * closing the dialog is the last chance to copy it; a new link can always be made, which ends this one.
 */
export function SecretLinkDialog({
  title,
  description,
  link,
  onDone,
}: {
  title: string;
  description: React.ReactNode;
  link: string | null;
  onDone: () => void;
}) {
  return (
    <Dialog open={link !== null} onOpenChange={(o) => (o ? undefined : onDone())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <div className="flex items-center gap-2">
          <code
            className="min-w-0 grow rounded bg-muted px-2 py-1 text-sm break-all"
            data-testid="secret-link"
          >
            {link}
          </code>
          {link ? <CopyButton value={link} label="Copy the link" /> : null}
        </div>
        <p className="text-sm text-muted-foreground">This is the only time Tollgate shows this link.</p>
        <DialogFooter>
          <Button onClick={onDone}>I have copied it</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
