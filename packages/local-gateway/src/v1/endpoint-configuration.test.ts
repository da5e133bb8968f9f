// endpointConfiguration.ipAddressType through the JS SDK (Debian's AWS CLI model predates the field, so the CLI
// conformance suite cannot show it). Expected values: LocalStack's AWS-recorded snapshots
// (test_create_rest_api_verify_defaults, test_create_rest_api_private_type, test_update_rest_api_ip_address_type).
import { CreateRestApiCommand, UpdateRestApiCommand } from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startTestGateway, type TestGateway } from "../test-helpers";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.stop());

const create = (endpointConfiguration?: {
  types?: ("EDGE" | "REGIONAL" | "PRIVATE")[];
  ipAddressType?: string;
}) =>
  t.v1.send(
    new CreateRestApiCommand({
      name: "e",
      endpointConfiguration: endpointConfiguration as never,
    }),
  );

describe("endpointConfiguration", () => {
  it("defaults ipAddressType: ipv4 for EDGE/REGIONAL and an empty list, dualstack for PRIVATE", async () => {
    expect((await create()).endpointConfiguration).toEqual({ types: ["EDGE"], ipAddressType: "ipv4" });
    expect((await create({ types: [] })).endpointConfiguration).toEqual({
      types: ["EDGE"],
      ipAddressType: "ipv4",
    });
    expect((await create({ types: ["REGIONAL"] })).endpointConfiguration).toEqual({
      types: ["REGIONAL"],
      ipAddressType: "ipv4",
    });
    expect((await create({ types: ["PRIVATE"] })).endpointConfiguration).toEqual({
      types: ["PRIVATE"],
      ipAddressType: "dualstack",
    });
  });

  it("reports a bad type and a bad ipAddressType together; PRIVATE is dualstack only", async () => {
    const both = await errorOf(() => create({ types: ["wrong" as never], ipAddressType: "wrong" }));
    expect(both.name).toBe("ValidationException");
    expect(both.message).toBe(
      "2 validation errors detected: Value '[wrong]' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]; Value 'wrong' at 'createRestApiInput.endpointConfiguration.ipAddressType' failed to satisfy constraint: Member must satisfy enum value set: [ipv4, dualstack]",
    );
    const priv = await errorOf(() => create({ types: ["PRIVATE"], ipAddressType: "ipv4" }));
    expect(priv.message).toBe("Only dualstack ipAddressType is supported for Private APIs.");
  });

  it("UpdateRestApi switches ipAddressType and refuses other values", async () => {
    const api = await create({ types: ["REGIONAL"] });
    const patch = (value: string) =>
      t.v1.send(
        new UpdateRestApiCommand({
          restApiId: api.id,
          patchOperations: [{ op: "replace", path: "/endpointConfiguration/ipAddressType", value }],
        }),
      );
    expect((await patch("dualstack")).endpointConfiguration).toEqual({
      types: ["REGIONAL"],
      ipAddressType: "dualstack",
    });
    expect((await errorOf(() => patch("wrong"))).message).toBe(
      "ipAddressType must be either ipv4 or dualstack.",
    );
  });
});
