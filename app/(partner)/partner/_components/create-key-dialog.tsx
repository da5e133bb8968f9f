"use client";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createApiKeyAction } from "@/lib/actions/create-api-key";
import { createKeySchema } from "@/lib/schemas/keys";
import { KeyValue } from "./key-value";

export function CreateKeyDialog({ disabled }: { disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: createKeySchema,
    action: createApiKeyAction,
    defaultValues: { label: "", environment: "production" },
    onSuccess: (k) => {
      setValue(k.value); // the list refreshes when the dialog closes, so nothing unmounts the value early
      form.reset();
    },
  });
  const errors = form.formState.errors;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o && value) router.refresh();
        if (!o) setValue(null);
      }}
    >
      <DialogTrigger asChild>
        <Button disabled={disabled}>
          <Plus aria-hidden="true" /> New key
        </Button>
      </DialogTrigger>
      <DialogContent>
        {value ? (
          <div className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Your new API key</DialogTitle>
            </DialogHeader>
            <KeyValue value={value} />
            <DialogFooter>
              <Button
                onClick={() => {
                  setValue(null);
                  setOpen(false);
                  router.refresh();
                }}
              >
                I have copied it
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            <DialogHeader>
              <DialogTitle>New API key</DialogTitle>
              <DialogDescription>The key works on every API stage of your usage plan.</DialogDescription>
            </DialogHeader>
            {formError ? <Alert variant="destructive">{formError}</Alert> : null}
            <FormField
              label="Label"
              id="key-label"
              description="What uses it, e.g. Checkout service."
              error={errors.label?.message}
            >
              <Input autoFocus {...form.register("label")} />
            </FormField>
            <FormField label="Environment" id="key-env" error={errors.environment?.message}>
              <Select
                {...form.register("environment")}
                options={[
                  { value: "production", label: "Production" },
                  { value: "staging", label: "Staging" },
                  { value: "test", label: "Test" },
                ]}
              />
            </FormField>
            <DialogFooter>
              <Button type="submit" loading={pending}>
                Create key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
