import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-xl font-semibold tracking-tight">
          <span aria-hidden="true" className="inline-block size-7 rounded-md bg-primary" />
          Tollgate
        </div>
        {children}
      </div>
    </main>
  );
}
