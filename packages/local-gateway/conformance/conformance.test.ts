// The AWS CLI conformance suite: every case in ALL_CASES runs through the AWS CLI (botocore) against a fresh
// gateway; the JS SDK tests under src/ stay as they are. Skipped, with a message, when no AWS CLI is installed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../src/test-helpers";
import { AwsCli, findAwsCli } from "./aws-cli";
import { ALL_CASES } from "./cases";
import type { Case, Fixture } from "./case-types";
import { buildFixture, fill, fillDeep } from "./fixture";

const found = findAwsCli();
if (!found) {
  console.warn(
    "conformance: no AWS CLI at $AWS_CLI or /usr/bin/aws — the AWS CLI suite is skipped (apt-get install awscli)",
  );
}

function checkCase(c: Case, r: Awaited<ReturnType<AwsCli["run"]>>, fx: Fixture): void {
  const e = c.expect;
  const context = `${c.family}: ${c.aws}\n  aws ${c.argv
    .map((a) => fill(a, fx))
    .join(" ")
    .slice(0, 300)}\n  stderr: ${r.stderr.trim().slice(0, 500)}`;
  if (e.exit !== undefined) expect(r.exit, context).toBe(e.exit);
  if (e.code !== undefined) expect(r.error?.code, context).toBe(e.code);
  if (e.message !== undefined) {
    if (typeof e.message === "string") expect(r.error?.message, context).toBe(fill(e.message, fx));
    else expect(r.error?.message ?? "", context).toMatch(e.message);
  }
  const json = (r.json ?? {}) as Record<string, unknown>;
  if (e.shape) expect(json, context).toMatchObject(fillDeep(e.shape, fx));
  for (const field of e.absent ?? []) expect(json, context).not.toHaveProperty(field);
  e.check?.(json, fx);
}

describe.skipIf(!found)("AWS CLI conformance", () => {
  let t: TestGateway;
  let cli: AwsCli;
  let fx: Fixture;

  beforeAll(async () => {
    t = await startTestGateway();
    cli = new AwsCli(t.gw.url, found!.python);
    fx = await buildFixture(cli, t.clock.now());
  });

  afterAll(async () => {
    cli?.close();
    await t?.stop();
  });

  ALL_CASES.forEach((c, i) => {
    it(`${c.family} · ${c.aws}`, async () => {
      const caseFx = { ...fx, uniq: String(i) };
      const r = await cli.run(c.argv.map((a) => fill(a, caseFx)));
      checkCase(c, r, caseFx);
    });
  });

  it("states where AWS documents every case", () => {
    for (const c of ALL_CASES) expect(c.doc, c.aws).toMatch(/^(https:\/\/|AWS-recorded: )/);
  });
});
