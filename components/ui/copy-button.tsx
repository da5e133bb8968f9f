"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import type * as React from "react";

import { Button, type ButtonProps } from "@/components/ui/button";

type CopyStatus = "idle" | "copied" | "failed";

export type CopyButtonProps = Omit<ButtonProps, "onClick" | "asChild" | "loading" | "children"> & {
  /** The text written to the clipboard. */
  value: string;
  /** Accessible name, e.g. "Copy API key ID". Defaults to "Copy". */
  label?: string;
  /** Visible text; omit for an icon-only button. Shows "Copied" for a moment after copying. */
  children?: React.ReactNode;
  onCopied?: () => void;
};

async function writeClipboard(text: string): Promise<void> {
  // navigator.clipboard only exists in secure contexts (https or localhost); fall back for plain-http LAN hosts.
  if (typeof navigator !== "undefined" && navigator.clipboard) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("Clipboard unavailable");
}

export function CopyButton({
  value,
  label = "Copy",
  children,
  onCopied,
  variant,
  size,
  ...props
}: CopyButtonProps) {
  const [status, setStatus] = useState<CopyStatus>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  async function handleClick() {
    let next: CopyStatus = "copied";
    try {
      await writeClipboard(value);
      onCopied?.();
    } catch {
      next = "failed";
    }
    setStatus(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus("idle"), 2000);
  }

  const iconOnly = children === undefined;
  const Icon = status === "copied" ? Check : Copy;
  return (
    <>
      <Button
        variant={variant ?? (iconOnly ? "ghost" : "outline")}
        size={size ?? (iconOnly ? "icon-sm" : "sm")}
        aria-label={iconOnly ? label : undefined}
        title={iconOnly ? label : undefined}
        onClick={handleClick}
        {...props}
      >
        <Icon aria-hidden="true" className={status === "copied" ? "text-success" : undefined} />
        {iconOnly ? null : status === "copied" ? "Copied" : children}
      </Button>
      <span aria-live="polite" role="status" className="sr-only">
        {status === "copied"
          ? "Copied to clipboard"
          : status === "failed"
            ? "Copy failed — select the text and copy it manually"
            : ""}
      </span>
    </>
  );
}
