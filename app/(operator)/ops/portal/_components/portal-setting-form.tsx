"use client";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { updatePortalSettingAction } from "@/lib/actions/update-portal-setting";
import type { PortalSettingDto } from "@/lib/portal/loaders";
import { portalSettingSchema } from "@/lib/schemas/portal";

export function PortalSettingForm({ setting }: { setting: PortalSettingDto }) {
  const router = useRouter();
  const label = `${setting.name} · ${setting.stage}`;
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: portalSettingSchema,
    action: updatePortalSettingAction,
    defaultValues: {
      apiId: setting.apiId,
      stage: setting.stage,
      description: setting.description ?? "",
      hidden: setting.hidden,
    },
    onSuccess: () => {
      toast.success(`Portal settings of ${label} saved.`);
      router.refresh();
    },
  });
  return (
    <Card data-testid={`portal-${setting.name}-${setting.stage}`}>
      <CardHeader>
        <CardTitle>{label}</CardTitle>
        <CardDescription className="font-mono text-xs break-all">{setting.baseUrl}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="grid gap-3" aria-label={`Portal settings of ${label}`}>
          <FormField
            label="Guide (Markdown)"
            name="description"
            description="Shown to partners above the reference. Markdown only: HTML is not rendered."
            error={form.formState.errors.description?.message ?? null}
          >
            <Textarea rows={5} {...form.register("description")} />
          </FormField>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register("hidden")} />
            Hide this stage from the partner catalog (partners keep their keys; only the portal listing goes)
          </label>
          {formError ? <Alert variant="destructive">{formError}</Alert> : null}
          <div>
            <Button type="submit" loading={pending} aria-label={`Save portal settings of ${label}`}>
              Save
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
