"use client";
import { Plus, Trash2, Undo2 } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { MAX_STAGE_VARIABLES, stageVariableName, stageVariableValue } from "@/lib/schemas/stages";
import { useStage } from "./stage-context";

type Row = { key: number; name: string; value: string; original: string | null; removed: boolean };

/** Stage variables: edit, add and remove, validated by AWS's rules before the patch is shown. */
export function VariablesCard() {
  const { stage, preview } = useStage();
  const initial = () =>
    Object.entries(stage.variables).map(([name, value], i): Row => ({
      key: i,
      name,
      value,
      original: value,
      removed: false,
    }));
  const [rows, setRows] = useState<Row[]>(initial);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const update = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function review() {
    const errs: Record<number, string> = {};
    const seen = new Set<string>();
    for (const r of rows.filter((x) => !x.removed)) {
      const n = stageVariableName.safeParse(r.name);
      const v = stageVariableValue.safeParse(r.value);
      if (!n.success) errs[r.key] = n.error.issues[0]!.message;
      else if (!v.success) errs[r.key] = v.error.issues[0]!.message;
      else if (seen.has(r.name)) errs[r.key] = `The name ${r.name} is used twice.`;
      seen.add(r.name);
    }
    setErrors(errs);
    const kept = rows.filter((r) => !r.removed);
    setFormError(
      kept.length > MAX_STAGE_VARIABLES ? `A stage has at most ${MAX_STAGE_VARIABLES} variables.` : null,
    );
    if (Object.keys(errs).length > 0 || kept.length > MAX_STAGE_VARIABLES) return;
    const set = Object.fromEntries(kept.map((r) => [r.name, r.value]));
    // Removed and renamed variables: every current name not kept.
    const remove = Object.keys(stage.variables).filter((n) => !(n in set));
    preview({ kind: "variables", set, remove });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Stage variables</CardTitle>
        <CardDescription>
          Name–value pairs the stage passes to its integrations (for example the upstream host), used as{" "}
          <code>{"${stageVariables.name}"}</code>. Names: letters, digits and _ (up to 64); values: letters,
          digits and <code>-._~:/?#&amp;=,</code> (up to 512).
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {formError ? <Alert variant="destructive">{formError}</Alert> : null}
        {rows.length === 0 ? <p className="text-sm text-muted-foreground">No variables yet.</p> : null}
        <ul className="flex flex-col gap-2">
          {rows.map((r, i) => (
            <li key={r.key} className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <Input
                  aria-label={`Variable ${i + 1} name`}
                  value={r.name}
                  disabled={r.removed}
                  onChange={(e) => update(r.key, { name: e.target.value })}
                  className="w-48 font-mono"
                  aria-invalid={errors[r.key] ? true : undefined}
                />
                <Input
                  aria-label={`Variable ${r.name || i + 1} value`}
                  value={r.value}
                  disabled={r.removed}
                  onChange={(e) => update(r.key, { value: e.target.value })}
                  className="min-w-48 flex-1 font-mono"
                  aria-invalid={errors[r.key] ? true : undefined}
                />
                <Button
                  variant="ghost"
                  size="icon-sm"
                  aria-label={r.removed ? `Keep ${r.name}` : `Remove ${r.name || "this variable"}`}
                  onClick={() =>
                    r.original === null
                      ? setRows((rs) => rs.filter((x) => x.key !== r.key))
                      : update(r.key, { removed: !r.removed })
                  }
                >
                  {r.removed ? <Undo2 /> : <Trash2 />}
                </Button>
                {r.removed ? <span className="text-xs text-destructive">will be removed</span> : null}
              </div>
              {errors[r.key] ? <p className="text-xs text-destructive">{errors[r.key]}</p> : null}
            </li>
          ))}
        </ul>
        <div className="flex gap-2">
          <Button
            variant="outline"
            size="sm"
            onClick={() =>
              setRows((rs) => [
                ...rs,
                { key: Date.now(), name: "", value: "", original: null, removed: false },
              ])
            }
          >
            <Plus aria-hidden="true" /> Add variable
          </Button>
          <Button size="sm" onClick={review}>
            Review variable changes
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
