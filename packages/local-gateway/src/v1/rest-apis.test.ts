import {
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteMethodCommand,
  DeleteResourceCommand,
  DeleteRestApiCommand,
  GetIntegrationCommand,
  GetMethodCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  UpdateRestApiCommand,
  UpdateMethodCommand,
  paginateGetRestApis,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, startTestGateway, type TestGateway } from "../test-helpers";

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.stop());

describe("REST APIs", () => {
  it("creates, reads and deletes an API; createdDate is epoch seconds on the wire", async () => {
    const api = await t.v1.send(
      new CreateRestApiCommand({ name: "one", description: "d", tags: { team: "a" } }),
    );
    expect(api.$metadata.httpStatusCode).toBe(201);
    expect(api).toMatchObject({ name: "one", description: "d", apiKeySource: "HEADER", tags: { team: "a" } });
    expect(api.createdDate).toEqual(new Date(Math.floor(t.clock.now() / 1000) * 1000));
    const raw = (await (await t.raw(`/restapis/${api.id}`)).json()) as { createdDate: unknown };
    expect(raw.createdDate).toBe(Math.floor(t.clock.now() / 1000));
    await t.v1.send(new DeleteRestApiCommand({ restApiId: api.id }));
    const e = await errorOf(() => t.v1.send(new GetRestApiCommand({ restApiId: api.id })));
    expect(e.name).toBe("NotFoundException");
    expect(e.message).toBe(`Invalid API identifier specified 000000000000:${api.id}`);
    expect(e.$metadata?.httpStatusCode).toBe(404);
  });

  it("sends x-amzn-ErrorType and {message} on errors", async () => {
    const res = await t.raw("/restapis/nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("x-amzn-errortype")).toBe("NotFoundException");
    expect(await res.json()).toEqual({ message: "Invalid API identifier specified 000000000000:nope" });
  });

  it("updates name, description and apiKeySource; refuses other paths", async () => {
    const api = await t.v1.send(new CreateRestApiCommand({ name: "upd" }));
    const u = await t.v1.send(
      new UpdateRestApiCommand({
        restApiId: api.id,
        patchOperations: [
          { op: "replace", path: "/name", value: "renamed" },
          { op: "replace", path: "/description", value: "d" },
          { op: "replace", path: "/apiKeySource", value: "AUTHORIZER" },
        ],
      }),
    );
    expect(u).toMatchObject({ name: "renamed", description: "d", apiKeySource: "AUTHORIZER" });
    const e = await errorOf(() =>
      t.v1.send(
        new UpdateRestApiCommand({
          restApiId: api.id,
          patchOperations: [{ op: "replace", path: "/id", value: "x" }],
        }),
      ),
    );
    expect(e.name).toBe("BadRequestException");
  });

  it("refuses an API without a name and a bad apiKeySource with 400", async () => {
    expect((await errorOf(() => t.v1.send(new CreateRestApiCommand({ name: "" })))).name).toBe(
      "BadRequestException",
    );
    const e = await errorOf(() =>
      t.v1.send(new CreateRestApiCommand({ name: "x", apiKeySource: "BODY" as "HEADER" })),
    );
    expect(e.name).toBe("BadRequestException");
  });

  it("pages with item/position: default 25, position only when more remain, the paginator walks all", async () => {
    for (let i = 0; i < 27; i++) await t.v1.send(new CreateRestApiCommand({ name: `page-${i}` }));
    const first = (await (await t.raw("/restapis")).json()) as { item: unknown[]; position?: string };
    expect(first.item.length).toBe(25);
    expect(typeof first.position).toBe("string");
    const second = (await (await t.raw(`/restapis?position=${first.position}`)).json()) as {
      item: unknown[];
      position?: string;
    };
    expect(second.item.length).toBeGreaterThanOrEqual(2);
    expect(second).not.toHaveProperty("position");
    let total = 0;
    for await (const p of paginateGetRestApis({ client: t.v1, pageSize: 10 }, {}))
      total += p.items?.length ?? 0;
    expect(total).toBe(first.item.length + second.item.length);
    const big = await t.v1.send(new GetRestApisCommand({ limit: 500 }));
    expect(big.items?.length).toBe(total);
    expect(big.position).toBeUndefined();
    // Above AWS's documented maximum the page is capped at 500; below 1 it is empty (AWS-recorded for -1).
    expect((await t.v1.send(new GetRestApisCommand({ limit: 501 }))).items?.length).toBe(total);
    expect((await t.v1.send(new GetRestApisCommand({ limit: -1 }))).items).toEqual([]);
  });
});

describe("resources, methods and integrations", () => {
  it("builds a tree, embeds methods, renames integrationHttpMethod to httpMethod on the wire", async () => {
    const api = await t.v1.send(new CreateRestApiCommand({ name: "tree" }));
    const root = (await t.v1.send(new GetResourcesCommand({ restApiId: api.id }))).items![0]!;
    expect(root).toMatchObject({ path: "/", id: api.rootResourceId });
    const pets = await t.v1.send(
      new CreateResourceCommand({ restApiId: api.id, parentId: root.id, pathPart: "pets" }),
    );
    const pet = await t.v1.send(
      new CreateResourceCommand({ restApiId: api.id, parentId: pets.id, pathPart: "{id}" }),
    );
    expect(pet.path).toBe("/pets/{id}");
    const m = await t.v1.send(
      new PutMethodCommand({
        restApiId: api.id,
        resourceId: pet.id,
        httpMethod: "GET",
        authorizationType: "NONE",
        apiKeyRequired: true,
      }),
    );
    expect(m).toMatchObject({ httpMethod: "GET", apiKeyRequired: true });
    const res = await t.raw(`/restapis/${api.id}/resources/${pet.id}/methods/GET/integration`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "HTTP_PROXY", httpMethod: "GET", uri: "http://example.com/pets/{id}" }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ type: "HTTP_PROXY", httpMethod: "GET", timeoutInMillis: 29000 });
    const i = await t.v1.send(
      new GetIntegrationCommand({ restApiId: api.id, resourceId: pet.id, httpMethod: "GET" }),
    );
    expect(i.httpMethod).toBe("GET");
    expect(i.uri).toBe("http://example.com/pets/{id}");
    const embedded = await t.v1.send(new GetResourcesCommand({ restApiId: api.id, embed: ["methods"] }));
    const found = embedded.items?.find((r) => r.id === pet.id);
    expect(found?.resourceMethods?.GET?.methodIntegration?.type).toBe("HTTP_PROXY");
    const updated = await t.v1.send(
      new UpdateMethodCommand({
        restApiId: api.id,
        resourceId: pet.id,
        httpMethod: "GET",
        patchOperations: [{ op: "replace", path: "/apiKeyRequired", value: "false" }],
      }),
    );
    expect(updated.apiKeyRequired).toBe(false);
  });

  it("supports MOCK integrations with a static response template", async () => {
    const api = await t.v1.send(new CreateRestApiCommand({ name: "mock" }));
    const rid = api.rootResourceId!;
    await t.v1.send(
      new PutMethodCommand({
        restApiId: api.id,
        resourceId: rid,
        httpMethod: "GET",
        authorizationType: "NONE",
      }),
    );
    await t.v1.send(
      new PutIntegrationCommand({
        restApiId: api.id,
        resourceId: rid,
        httpMethod: "GET",
        type: "MOCK",
        requestTemplates: { "application/json": '{"statusCode": 200}' },
      }),
    );
    await t.v1.send(
      new PutIntegrationResponseCommand({
        restApiId: api.id,
        resourceId: rid,
        httpMethod: "GET",
        statusCode: "200",
        responseTemplates: { "application/json": '{"ok":true}' },
      }),
    );
    const m = await t.v1.send(
      new GetMethodCommand({ restApiId: api.id, resourceId: rid, httpMethod: "GET" }),
    );
    expect(m.methodIntegration?.integrationResponses?.["200"]?.responseTemplates).toEqual({
      "application/json": '{"ok":true}',
    });
  });

  it("answers AWS's errors for resources and methods", async () => {
    const api = await t.v1.send(new CreateRestApiCommand({ name: "errs" }));
    const rid = api.rootResourceId!;
    const noRes = await errorOf(() =>
      t.v1.send(new GetMethodCommand({ restApiId: api.id, resourceId: "nope", httpMethod: "GET" })),
    );
    expect(noRes.message).toBe("Invalid Resource identifier specified");
    const noMethod = await errorOf(() =>
      t.v1.send(new GetMethodCommand({ restApiId: api.id, resourceId: rid, httpMethod: "GET" })),
    );
    expect(noMethod.message).toBe("Invalid Method identifier specified");
    await t.v1.send(new CreateResourceCommand({ restApiId: api.id, parentId: rid, pathPart: "a" }));
    const dup = await errorOf(() =>
      t.v1.send(new CreateResourceCommand({ restApiId: api.id, parentId: rid, pathPart: "a" })),
    );
    expect(dup.name).toBe("ConflictException");
    await t.v1.send(
      new PutMethodCommand({
        restApiId: api.id,
        resourceId: rid,
        httpMethod: "GET",
        authorizationType: "NONE",
      }),
    );
    const badUri = await errorOf(() =>
      t.v1.send(
        new PutIntegrationCommand({
          restApiId: api.id,
          resourceId: rid,
          httpMethod: "GET",
          type: "HTTP_PROXY",
          integrationHttpMethod: "GET",
          uri: "nope",
        }),
      ),
    );
    expect(badUri.message).toBe("Invalid HTTP endpoint specified for URI");
    const badTimeout = await errorOf(() =>
      t.v1.send(
        new PutIntegrationCommand({
          restApiId: api.id,
          resourceId: rid,
          httpMethod: "GET",
          type: "MOCK",
          timeoutInMillis: 30000,
        }),
      ),
    );
    expect(badTimeout.message).toBe("Timeout should be between 50 ms and 29000 ms");
    await t.v1.send(new DeleteMethodCommand({ restApiId: api.id, resourceId: rid, httpMethod: "GET" }));
    const rootDelete = await errorOf(() =>
      t.v1.send(new DeleteResourceCommand({ restApiId: api.id, resourceId: rid })),
    );
    expect(rootDelete.name).toBe("BadRequestException");
  });
});
