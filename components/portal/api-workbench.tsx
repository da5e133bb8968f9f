"use client";

import { useId, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import type { OpenApiDoc } from "@/lib/portal/openapi";
import { codeSamples } from "@/lib/portal/samples";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

type Result = {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  truncated: boolean;
  latencyMs: number;
};

function parseHeaders(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const i = line.indexOf(":");
    if (i <= 0) return `"${line.slice(0, 40)}" is not "Name: value".`;
    out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

/**
 * The partner's key field, code samples (curl, JavaScript, Python) and Try it. The key stays in this component's
 * memory: it fills the samples and goes to Tollgate's Try-it route with one request; nothing stores it.
 */
export function ApiWorkbench(props: { apiId: string; stage: string; baseUrl: string; doc: OpenApiDoc }) {
  const id = useId();
  const [key, setKey] = useState("");
  const samples = useMemo(
    () => codeSamples(props.doc, props.baseUrl, key.trim() === "" ? "$API_KEY" : key.trim()),
    [props.doc, props.baseUrl, key],
  );
  const initialPath = samples.operation?.split(" ")[1] ?? "/";
  const [method, setMethod] = useState<string>(samples.operation?.split(" ")[0] ?? "GET");
  const [path, setPath] = useState(initialPath);
  const [headers, setHeaders] = useState("");
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  async function send(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setResult(null);
    const parsed = parseHeaders(headers);
    if (typeof parsed === "string") return setError(parsed);
    setBusy(true);
    try {
      const res = await fetch("/api/partner/try-it", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          apiId: props.apiId,
          stage: props.stage,
          method,
          path,
          headers: parsed,
          ...(body !== "" ? { body } : {}),
          ...(key.trim() !== "" ? { apiKey: key.trim() } : {}),
        }),
      });
      const data = (await res.json().catch(() => ({}))) as Partial<Result> & { error?: string };
      if (!res.ok) setError(data.error ?? `Tollgate answered ${res.status}.`);
      else setResult(data as Result);
    } catch {
      setError("Tollgate could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Your API key</CardTitle>
          <CardDescription>
            Paste one of your keys to put it into the examples and Try it. It stays in this browser tab:
            Tollgate does not store or log it. Keys are on the{" "}
            <a className="underline" href="/partner">
              Keys
            </a>{" "}
            page.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Label htmlFor={`${id}-key`}>API key</Label>
          <Input
            id={`${id}-key`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            placeholder="Paste your key (sent as the x-api-key header)"
            className="mt-1 font-mono"
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Examples</CardTitle>
          <CardDescription>
            {samples.operation
              ? `Calls ${samples.operation} at this stage's invoke URL with your key in the x-api-key header.`
              : "This API has no operations yet."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Tabs defaultValue="curl">
            <TabsList aria-label="Example language">
              <TabsTrigger value="curl">curl</TabsTrigger>
              <TabsTrigger value="javascript">JavaScript</TabsTrigger>
              <TabsTrigger value="python">Python</TabsTrigger>
            </TabsList>
            {(["curl", "javascript", "python"] as const).map((lang) => (
              <TabsContent key={lang} value={lang}>
                <div className="flex items-start gap-2 rounded border bg-muted p-2">
                  <pre
                    className="grow overflow-x-auto font-mono text-xs whitespace-pre-wrap break-all"
                    data-testid={`sample-${lang}`}
                  >
                    {samples[lang]}
                  </pre>
                  <CopyButton value={samples[lang]} label={`Copy the ${lang} example`} />
                </div>
              </TabsContent>
            ))}
          </Tabs>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Try it</CardTitle>
          <CardDescription>
            Sends one request to this stage through Tollgate and shows the answer. Requests go to{" "}
            {props.baseUrl} only; bodies up to 64 KB.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form onSubmit={send} className="grid gap-3" aria-label="Try it">
            <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
              <div className="grid gap-1">
                <Label htmlFor={`${id}-method`}>Method</Label>
                <select
                  id={`${id}-method`}
                  value={method}
                  onChange={(e) => setMethod(e.target.value)}
                  className="h-9 rounded-md border bg-background px-2 text-sm"
                >
                  {METHODS.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
              </div>
              <div className="grid gap-1">
                <Label htmlFor={`${id}-path`}>Path</Label>
                <Input
                  id={`${id}-path`}
                  value={path}
                  onChange={(e) => setPath(e.target.value)}
                  className="font-mono"
                  spellCheck={false}
                />
              </div>
            </div>
            <div className="grid gap-1">
              <Label htmlFor={`${id}-headers`}>Headers (one “Name: value” a line, optional)</Label>
              <Textarea
                id={`${id}-headers`}
                value={headers}
                onChange={(e) => setHeaders(e.target.value)}
                rows={2}
                className="font-mono text-xs"
              />
            </div>
            <div className="grid gap-1">
              <Label htmlFor={`${id}-body`}>Body (optional)</Label>
              <Textarea
                id={`${id}-body`}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                rows={3}
                className="font-mono text-xs"
              />
            </div>
            <div>
              <Button type="submit" loading={busy}>
                Send request
              </Button>
            </div>
          </form>
          {error ? (
            <Alert variant="destructive" className="mt-3">
              {error}
            </Alert>
          ) : null}
          {result ? (
            <section aria-label="Response" className="mt-4 grid gap-2 text-sm" aria-live="polite">
              <p>
                <span className="text-muted-foreground">Status: </span>
                <strong data-testid="try-status">{result.status}</strong> {result.statusText}
                <span className="text-muted-foreground"> · {result.latencyMs} ms</span>
              </p>
              <details>
                <summary className="cursor-pointer">Headers ({result.headers.length})</summary>
                <pre className="mt-1 overflow-x-auto rounded border bg-muted p-2 font-mono text-xs">
                  {result.headers.map(([k, v]) => `${k}: ${v}`).join("\n")}
                </pre>
              </details>
              <pre
                className="max-h-96 overflow-auto rounded border bg-muted p-2 font-mono text-xs whitespace-pre-wrap break-all"
                data-testid="try-body"
              >
                {result.body || "(empty body)"}
              </pre>
              {result.truncated ? (
                <p className="text-muted-foreground">Only the first 256 KB are shown.</p>
              ) : null}
            </section>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
