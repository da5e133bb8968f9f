// Runs conformance/e2e-cli.sh (the AWS CLI alone, plus curl) against a fresh gateway on the real clock: the
// script reads today's usage and the last minutes' metrics, so a fake clock would not do.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway, type Gateway } from "../src/server";
import { findAwsCli } from "./aws-cli";

const found = findAwsCli();
const here = path.dirname(fileURLToPath(import.meta.url));

describe.skipIf(!found)("AWS CLI end-to-end script", () => {
  let gw: Gateway;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "lgw-e2e-cli-"));
    gw = await createGateway({ port: 0, dataDir, controlLimits: false });
  });
  afterAll(async () => {
    await gw?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("imports, deploys, meters, canaries, promotes and reads metrics with the CLI alone", async () => {
    // Asynchronous on purpose: a synchronous spawn would block the gateway's event loop (same process).
    const out = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn("bash", [path.join(here, "e2e-cli.sh"), gw.url], {
        env: { ...process.env, AWS_CLI: found!.cli },
      });
      let text = "";
      child.stdout.on("data", (d: Buffer) => (text += d.toString()));
      child.stderr.on("data", (d: Buffer) => (text += d.toString()));
      child.on("close", (code) => resolve({ code, text }));
    });
    expect(out.text).toContain("e2e-cli: all steps passed");
    expect(out.code, out.text).toBe(0);
  }, 180_000);
});
