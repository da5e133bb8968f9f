"use client";
import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { KeyValue } from "./key-value";

/**
 * A rotation's new key value lives here, outside the table: the server action refreshes the page, and the rotated
 * row (or, with no grace, the whole row) goes away, which would otherwise unmount the dialog holding the value.
 * It is kept in memory only until the partner closes the dialog.
 */
type Revealed = { title: string; value: string } | null;
let current: Revealed = null;
const listeners = new Set<() => void>();
export function revealKey(r: Revealed) {
  current = r;
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function RevealedKeyDialog() {
  const r = useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
  return (
    <Dialog open={r !== null} onOpenChange={(o) => (o ? undefined : revealKey(null))}>
      <DialogContent>
        {r ? (
          <div className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{r.title}</DialogTitle>
            </DialogHeader>
            <KeyValue value={r.value} />
            <DialogFooter>
              <Button onClick={() => revealKey(null)}>I have copied it</Button>
            </DialogFooter>
          </div>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
