// The account every case runs against, built through the AWS CLI itself (so set-up is conformance too).
import type { AwsCli, CliResult } from "./aws-cli";
import type { Fixture } from "./case-types";

async function must(cli: AwsCli, argv: string[]): Promise<Record<string, unknown>> {
  const r: CliResult = await cli.run(argv);
  if (r.exit !== 0) throw new Error(`fixture: aws ${argv.join(" ")} → ${r.exit}: ${r.stderr.trim()}`);
  return (r.json ?? {}) as Record<string, unknown>;
}

const MOCK_TEMPLATE = '{"statusCode": 200}';

export async function buildFixture(cli: AwsCli, nowMs: number): Promise<Fixture> {
  const api = String((await must(cli, ["apigateway", "create-rest-api", "--name", "conformance"])).id);
  const resources = await must(cli, ["apigateway", "get-resources", "--rest-api-id", api]);
  const root = String((resources.items as { id: string; path: string }[]).find((r) => r.path === "/")!.id);
  const child = async (part: string) =>
    String(
      (
        await must(cli, [
          "apigateway",
          "create-resource",
          "--rest-api-id",
          api,
          "--parent-id",
          root,
          "--path-part",
          part,
        ])
      ).id,
    );
  const pets = await child("pets");
  const toys = await child("toys");
  const m = ["--rest-api-id", api, "--resource-id", pets, "--http-method", "GET"];
  await must(cli, ["apigateway", "put-method", ...m, "--authorization-type", "NONE", "--api-key-required"]);
  await must(cli, [
    "apigateway",
    "put-integration",
    ...m,
    "--type",
    "MOCK",
    "--request-templates",
    JSON.stringify({ "application/json": MOCK_TEMPLATE }),
  ]);
  await must(cli, [
    "apigateway",
    "put-integration-response",
    ...m,
    "--status-code",
    "200",
    "--response-templates",
    JSON.stringify({ "application/json": '{"pets": true}' }),
  ]);
  const deployment = String(
    (await must(cli, ["apigateway", "create-deployment", "--rest-api-id", api, "--stage-name", "dev"])).id,
  );
  const deployment2 = String((await must(cli, ["apigateway", "create-deployment", "--rest-api-id", api])).id);
  const key = String(
    (
      await must(cli, [
        "apigateway",
        "create-api-key",
        "--name",
        "fixture-key",
        "--value",
        "conformance-fixture-key-0001",
        "--enabled",
      ])
    ).id,
  );
  const key2 = String(
    (await must(cli, ["apigateway", "create-api-key", "--name", "fixture-key-2", "--enabled"])).id,
  );
  const plan = String(
    (
      await must(cli, [
        "apigateway",
        "create-usage-plan",
        "--name",
        "fixture-plan",
        "--api-stages",
        `apiId=${api},stage=dev`,
      ])
    ).id,
  );
  await must(cli, [
    "apigateway",
    "create-usage-plan-key",
    "--usage-plan-id",
    plan,
    "--key-id",
    key,
    "--key-type",
    "API_KEY",
  ]);
  const validator = String(
    (await must(cli, ["apigateway", "create-request-validator", "--rest-api-id", api, "--name", "fixture"]))
      .id,
  );
  const docpart = String(
    (
      await must(cli, [
        "apigateway",
        "create-documentation-part",
        "--rest-api-id",
        api,
        "--location",
        `type=RESOURCE,path=/pets`,
        "--properties",
        '{"description": "pets"}',
      ])
    ).id,
  );
  const domain = "api.conformance.example.com";
  await must(cli, [
    "apigateway",
    "create-domain-name",
    "--domain-name",
    domain,
    "--certificate-arn",
    "arn:aws:acm:us-east-1:000000000000:certificate/fixture",
  ]);
  await must(cli, [
    "apigateway",
    "create-base-path-mapping",
    "--domain-name",
    domain,
    "--base-path",
    "v1",
    "--rest-api-id",
    api,
    "--stage",
    "dev",
  ]);
  const minute = (d: number) => new Date(Math.floor(nowMs / 60_000) * 60_000 + d * 60_000).toISOString();
  return {
    api,
    root,
    pets,
    toys,
    deployment,
    deployment2,
    stage: "dev",
    key,
    key2,
    plan,
    validator,
    docpart,
    domain,
    uniq: "",
    today: new Date(nowMs).toISOString().slice(0, 10),
    start: minute(-10),
    end: minute(2),
  };
}

/** Replaces `{name}` placeholders with fixture values; unknown names are left as they are (e.g. "{petId}"). */
export function fill(text: string, fx: Fixture): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => fx[name] ?? whole);
}

/** Deep `fill` over an expected shape. */
export function fillDeep<T>(value: T, fx: Fixture): T {
  if (typeof value === "string") return fill(value, fx) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => fillDeep(v, fx)) as T;
  if (value && typeof value === "object" && !(value instanceof RegExp)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [fill(k, fx), fillDeep(v, fx)]),
    ) as T;
  }
  return value;
}
