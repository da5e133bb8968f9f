import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  GetAccountCommand,
  GetTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startTestGateway, type TestGateway } from "../test-helpers";
import { deployedApi } from "./test-fixtures";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.stop());

describe("tags by ARN", () => {
  it("tags and untags a stage, a REST API, a usage plan and an API key (ARNs arrive percent-encoded)", async () => {
    const api = await deployedApi(t.v1, "prod");
    const plan = await t.v1.send(new CreateUsagePlanCommand({ name: "tagged" }));
    const key = await t.v1.send(new CreateApiKeyCommand({ name: "tagged" }));
    const arns = [
      `arn:aws:apigateway:us-east-1::/restapis/${api.apiId}/stages/prod`,
      `arn:aws:apigateway:us-east-1::/restapis/${api.apiId}`,
      `arn:aws:apigateway:us-east-1::/usageplans/${plan.id}`,
      `arn:aws:apigateway:us-east-1::/apikeys/${key.id}`,
    ];
    for (const resourceArn of arns) {
      const put = await t.v1.send(new TagResourceCommand({ resourceArn, tags: { env: "test", team: "x" } }));
      expect(put.$metadata.httpStatusCode).toBe(204);
      await t.v1.send(new UntagResourceCommand({ resourceArn, tagKeys: ["team"] }));
      expect((await t.v1.send(new GetTagsCommand({ resourceArn }))).tags).toEqual({ env: "test" });
    }
    expect(t.gw.state.restApis[api.apiId]!.stages.prod!.tags).toEqual({ env: "test" });
  });

  it("answers 404 for an unknown resource and 400 for a malformed ARN", async () => {
    const nf = await errorOf(() =>
      t.v1.send(new GetTagsCommand({ resourceArn: "arn:aws:apigateway:us-east-1::/restapis/nope" })),
    );
    expect(nf.$metadata?.httpStatusCode).toBe(404);
    const bad = await errorOf(() => t.v1.send(new GetTagsCommand({ resourceArn: "not-an-arn" })));
    expect(bad.name).toBe("BadRequestException");
  });
});

describe("GetAccount", () => {
  it("reports the account throttle of 5000 burst and 10000 rps", async () => {
    const a = await t.v1.send(new GetAccountCommand({}));
    expect(a.throttleSettings).toEqual({ burstLimit: 5000, rateLimit: 10000 });
  });
});
