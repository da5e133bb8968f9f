"use client";

import { useTheme } from "next-themes";
import type * as React from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

export { toast } from "sonner";
export type { ToasterProps };

/** Mount once in the root layout (inside ThemeProvider); call `toast.success("…")` from client code. */
export function Toaster(props: ToasterProps) {
  const { theme } = useTheme();
  const sonnerTheme: ToasterProps["theme"] = theme === "light" || theme === "dark" ? theme : "system";
  const style = {
    "--normal-bg": "var(--popover)",
    "--normal-text": "var(--popover-foreground)",
    "--normal-border": "var(--border)",
    "--border-radius": "var(--radius)",
  } as React.CSSProperties;
  return (
    <Sonner
      theme={sonnerTheme}
      position="bottom-right"
      closeButton
      className="toaster group"
      style={style}
      toastOptions={{ classNames: { description: "text-muted-foreground!" } }}
      {...props}
    />
  );
}
