// Drives the AWS CLI (botocore: an independent client, not the JS SDK) against a gateway, through a warm Python
// process (cli-pool.py) so that the CLI's ~1 s start-up is paid once per suite rather than per case.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface CliResult {
  exit: number;
  stdout: string;
  stderr: string;
  /** Parsed stdout when it is JSON. */
  json?: unknown;
  /** From "An error occurred (Code) when calling the Op operation: message". */
  error?: { code: string; message: string };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const POOL = path.join(here, "cli-pool.py");

/**
 * The AWS CLI to use: `AWS_CLI` (a path), else Debian's `/usr/bin/aws` (a pyenv shim earlier on PATH may be an
 * older CLI). Returns the Python interpreter from its `#!` line, or undefined when no CLI is installed.
 */
export function findAwsCli(
  env: NodeJS.ProcessEnv = process.env,
): { cli: string; python: string } | undefined {
  const cli = env.AWS_CLI ?? "/usr/bin/aws";
  if (!existsSync(cli)) return undefined;
  const first = readFileSync(cli, "utf8").split("\n", 1)[0] ?? "";
  const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
  if (!m) return undefined;
  // "#!/usr/bin/env python3" → python3 from PATH.
  const python = m[1]!.endsWith("/env") && m[2] ? m[2] : m[1]!;
  return { cli, python };
}

const ERROR_LINE =
  /An error occurred \(([^)]+)\) when calling the \w+ operation(?: \(reached max retries: \d+\))?: ([\s\S]*)$/;

export function parseResult(raw: { exit: number; stdout: string; stderr: string }): CliResult {
  const result: CliResult = { ...raw };
  const out = raw.stdout.trim();
  if (out.startsWith("{") || out.startsWith("[")) {
    try {
      result.json = JSON.parse(out);
    } catch {
      // Left as text.
    }
  }
  // Only the line break the CLI adds is cut: AWS messages can end in a space ("… for this method ").
  const m = ERROR_LINE.exec(raw.stderr.replace(/^\s+/, "").replace(/\r?\n$/, ""));
  if (m) result.error = { code: m[1]!, message: m[2]! };
  return result;
}

/** A warm CLI bound to one endpoint; `run(argv)` is `aws <argv> --endpoint-url <url>` with JSON output. */
export class AwsCli {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: ((line: string) => void)[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly endpoint: string,
    python: string,
  ) {
    this.child = spawn(python, [POOL], {
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? "/tmp",
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        AWS_DEFAULT_REGION: "us-east-1",
        AWS_MAX_ATTEMPTS: "1",
        AWS_RETRY_MODE: "standard",
        AWS_CONFIG_FILE: "/dev/null",
        AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
        AWS_PAGER: "",
        AWS_DEFAULT_OUTPUT: "json",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    createInterface({ input: this.child.stdout }).on("line", (line) => this.waiting.shift()?.(line));
    this.child.stderr.on("data", (d: Buffer) => process.stderr.write(`cli-pool: ${d.toString()}`));
  }

  /** Runs one CLI command; calls are serialised (one Python process). */
  run(argv: readonly string[]): Promise<CliResult> {
    const next = this.queue.then(
      () =>
        new Promise<CliResult>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`aws ${argv.join(" ")}: no answer in 30 s`)),
            30_000,
          );
          this.waiting.push((line) => {
            clearTimeout(timer);
            resolve(parseResult(JSON.parse(line) as { exit: number; stdout: string; stderr: string }));
          });
          this.child.stdin.write(
            JSON.stringify([...argv, "--endpoint-url", this.endpoint, "--output", "json"]) + "\n",
          );
        }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.child.stdin.end();
    this.child.kill();
  }
}
