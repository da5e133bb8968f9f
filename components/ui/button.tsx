import { cva, type VariantProps } from "class-variance-authority";
import { Slot } from "radix-ui";
import type * as React from "react";

import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils/cn";

const buttonCva = cva(
  "inline-flex shrink-0 items-center justify-center gap-2 rounded-md text-sm font-medium whitespace-nowrap transition-colors select-none disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50 [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
  {
    variants: {
      variant: {
        default: "bg-primary text-primary-foreground shadow-xs hover:bg-primary/90",
        secondary: "bg-secondary text-secondary-foreground shadow-xs hover:bg-secondary/80",
        outline: "border border-input bg-background shadow-xs hover:bg-accent hover:text-accent-foreground",
        ghost: "hover:bg-accent hover:text-accent-foreground",
        destructive:
          "bg-destructive text-destructive-foreground shadow-xs hover:bg-destructive/90 focus-visible:outline-destructive",
        link: "text-primary underline-offset-4 hover:underline",
      },
      size: {
        default: "h-9 px-4 py-2",
        sm: "h-8 gap-1.5 px-3",
        lg: "h-10 px-6",
        icon: "size-9",
        "icon-sm": "size-8",
      },
    },
    // A link-styled button sits inline with text, whatever size was asked for.
    compoundVariants: [{ variant: "link", className: "h-auto px-0 py-0" }],
    defaultVariants: { variant: "default", size: "default" },
  },
);

export type ButtonVariantProps = VariantProps<typeof buttonCva>;

/** Button classes for elements that are not a Button (Radix parts, plain links); conflicts already merged. */
export function buttonVariants(options?: ButtonVariantProps & { className?: string }): string {
  return cn(buttonCva({ variant: options?.variant, size: options?.size }), options?.className);
}

export type ButtonProps = React.ComponentProps<"button"> &
  ButtonVariantProps & {
    /** Render the single child element (e.g. a Link) with button styles instead of a <button>. */
    asChild?: boolean;
    /** Shows a spinner, sets aria-busy and disables the button. */
    loading?: boolean;
  };

export function Button({
  className,
  variant,
  size,
  asChild = false,
  loading = false,
  disabled,
  children,
  type,
  ...props
}: ButtonProps) {
  const Comp = asChild ? Slot.Root : "button";
  const inactive = Boolean(disabled) || loading;
  return (
    <Comp
      data-slot="button"
      className={buttonVariants({ variant, size, className })}
      aria-busy={loading || undefined}
      {...(asChild
        ? { "aria-disabled": inactive || undefined, tabIndex: inactive ? -1 : undefined }
        : { type: type ?? "button", disabled: inactive })}
      {...props}
    >
      {loading ? <Spinner /> : null}
      <Slot.Slottable>{children}</Slot.Slottable>
    </Comp>
  );
}
