"use client";
import { useEffect } from "react";

/**
 * Marks `<html data-hydrated>` once React has hydrated the page, so browser tests can wait until buttons answer
 * clicks instead of clicking server-rendered HTML that has no handlers yet (which loses the click under load).
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
