"use client";
import { LogOut, UserRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";
import { signOutAction } from "@/lib/actions/sign-out";

export function UserMenu({
  name,
  email,
  role,
  tenantName,
}: {
  name: string;
  email: string;
  role: string;
  tenantName: string | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const signOut = () =>
    startTransition(async () => {
      const res = await signOutAction({});
      if (!res.ok && res.code !== "unauthenticated") toast.error(res.error);
      // No router.refresh(): refreshing the page left behind would redirect to /login?next=<it> (the deep-link rule)
      // instead of plain /login; /login is dynamic, so it is fetched fresh anyway.
      router.replace("/login");
    });
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Account menu for ${name}`} loading={pending}>
          <UserRound aria-hidden="true" />
          <span className="hidden max-w-40 truncate sm:inline">{name}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel>
          <span className="block truncate">{name}</span>
          <span className="block truncate text-xs font-normal text-muted-foreground">{email}</span>
          <span className="mt-1 block text-xs font-normal text-muted-foreground">
            Role: <span data-testid="user-role">{role}</span>
            {tenantName ? ` · ${tenantName}` : ""}
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={signOut}>
          <LogOut aria-hidden="true" /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
