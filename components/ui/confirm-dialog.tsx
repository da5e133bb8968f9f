"use client";

import { useId, useRef, useState, useTransition } from "react";
import type * as React from "react";

import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export type ConfirmDialogProps = {
  /** The element that opens the dialog (e.g. a Button); optional when `open` is controlled. */
  trigger?: React.ReactElement;
  title: React.ReactNode;
  description?: React.ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  destructive?: boolean;
  /** When set, the user must type this exact text (e.g. the API name) before confirming. */
  confirmText?: string;
  /**
   * Runs inside a transition; the dialog stays open and shows a spinner until it settles, then closes.
   * Return `false` to keep it open without any message of its own (the caller showed a specific one, such as a
   * field error). Throw to keep it open with a generic retry message.
   */
  onConfirm: () => Promise<void | false> | void | false;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Extra body content between the description and the buttons. */
  children?: React.ReactNode;
};

export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  destructive = false,
  confirmText,
  onConfirm,
  open,
  onOpenChange,
  children,
}: ConfirmDialogProps) {
  const [internalOpen, setInternalOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const isOpen = open ?? internalOpen;
  const canConfirm = !confirmText || typed === confirmText;

  function changeOpen(next: boolean) {
    if (!next && pending) return;
    if (!next) {
      setTyped("");
      setFailed(false);
    }
    if (open === undefined) setInternalOpen(next);
    onOpenChange?.(next);
  }

  function handleSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canConfirm || pending) return;
    setFailed(false);
    startTransition(async () => {
      try {
        if ((await onConfirm()) === false) return;
        setTyped("");
        if (open === undefined) setInternalOpen(false);
        onOpenChange?.(false);
      } catch (error) {
        console.error(error);
        setFailed(true);
      }
    });
  }

  return (
    <AlertDialog open={isOpen} onOpenChange={changeOpen}>
      {trigger ? <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger> : null}
      <AlertDialogContent
        // Without a description Radix expects aria-describedby to be explicitly absent.
        {...(description ? {} : { "aria-describedby": undefined })}
        onOpenAutoFocus={(event) => {
          if (confirmText) {
            event.preventDefault();
            inputRef.current?.focus();
          }
        }}
      >
        <form onSubmit={handleSubmit} className="grid gap-4">
          <AlertDialogHeader>
            <AlertDialogTitle>{title}</AlertDialogTitle>
            {description ? <AlertDialogDescription>{description}</AlertDialogDescription> : null}
          </AlertDialogHeader>
          {children}
          {confirmText ? (
            <div className="grid gap-2">
              <label htmlFor={inputId} className="text-sm">
                Type <span className="font-mono font-semibold break-all">{confirmText}</span> to confirm
              </label>
              <Input
                ref={inputRef}
                id={inputId}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                disabled={pending}
              />
            </div>
          ) : null}
          {failed ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              Something went wrong. Please try again.
            </p>
          ) : null}
          <AlertDialogFooter>
            <AlertDialogCancel type="button" disabled={pending}>
              {cancelLabel}
            </AlertDialogCancel>
            <Button
              type="submit"
              variant={destructive ? "destructive" : "default"}
              loading={pending}
              disabled={!canConfirm}
            >
              {confirmLabel}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
