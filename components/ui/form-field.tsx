import { cloneElement, isValidElement, useId } from "react";
import type * as React from "react";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils/cn";

/** What a server action returns for invalid input (zod's flatten().fieldErrors has this shape). */
export type FieldErrors = Partial<Record<string, readonly string[] | undefined>>;

/** Props FormField sets on its control; any control that forwards them to a focusable element works. */
export type FormControlProps = {
  id?: string;
  name?: string;
  required?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: React.AriaAttributes["aria-invalid"];
};

export type FormFieldProps = {
  label: React.ReactNode;
  /** Field name: passed to the control when it has none, and used to look up `fieldErrors`. */
  name?: string;
  /** Control id; defaults to the child's id, then a generated one. */
  id?: string;
  description?: React.ReactNode;
  /** react-hook-form: `errors.x?.message`; or any message(s). Wins over `fieldErrors`. */
  error?: string | readonly string[] | null;
  /** Server action result: `state.fieldErrors`; the entry for `name` is shown. */
  fieldErrors?: FieldErrors | null;
  required?: boolean;
  /** "horizontal" puts a checkbox/switch before its label on one line. */
  orientation?: "vertical" | "horizontal";
  /** Keep the label for screen readers only. */
  hideLabel?: boolean;
  className?: string;
  /** Exactly one control element: Input, Textarea, Select, Checkbox, Switch, or an {...register()}ed one. */
  children: React.ReactElement<FormControlProps>;
};

function toMessages(value: string | readonly string[] | null | undefined): readonly string[] {
  if (!value) return [];
  return typeof value === "string" ? [value] : value.filter(Boolean);
}

/** Label + control + description + error, with id/aria-describedby/aria-invalid wired onto the control. */
export function FormField({
  label,
  name,
  id,
  description,
  error,
  fieldErrors,
  required,
  orientation = "vertical",
  hideLabel = false,
  className,
  children,
}: FormFieldProps) {
  const generatedId = useId();
  const child = isValidElement(children) ? children : null;
  const childProps: FormControlProps = child?.props ?? {};
  const controlId = id ?? childProps.id ?? `field${generatedId.replace(/:/g, "")}`;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;

  const fromServer = name ? fieldErrors?.[name] : undefined;
  const messages = toMessages(error ?? fromServer);
  const invalid = messages.length > 0;

  const describedBy =
    [childProps["aria-describedby"], description ? descriptionId : null, invalid ? errorId : null]
      .filter(Boolean)
      .join(" ") || undefined;

  const control = child
    ? cloneElement(child, {
        id: controlId,
        name: childProps.name ?? name,
        required: childProps.required ?? required,
        "aria-describedby": describedBy,
        "aria-invalid": childProps["aria-invalid"] ?? (invalid || undefined),
      })
    : children;

  const labelNode = (
    <Label
      htmlFor={controlId}
      className={cn(hideLabel && "sr-only", orientation === "horizontal" && "leading-5")}
    >
      {label}
      {required ? (
        <span aria-hidden="true" className="ml-0.5 text-destructive">
          *
        </span>
      ) : null}
    </Label>
  );

  return (
    <div
      data-slot="form-field"
      data-invalid={invalid || undefined}
      className={cn("flex flex-col gap-2", className)}
    >
      {orientation === "horizontal" ? (
        <div className="flex items-center gap-2.5">
          {control}
          {labelNode}
        </div>
      ) : (
        <>
          {labelNode}
          {control}
        </>
      )}
      {description ? (
        <p id={descriptionId} className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      {invalid ? (
        <div id={errorId} className="flex flex-col gap-0.5 text-xs font-medium text-destructive">
          {messages.map((message, index) => (
            <p key={`${index}:${message}`}>{message}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
