import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  GetApiKeyCommand,
  GetStageCommand,
  GetUsagePlanCommand,
} from "@aws-sdk/client-api-gateway";
import { CreateApiCommand, GetApiCommand } from "@aws-sdk/client-apigatewayv2";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestGateway } from "../test-helpers";
import { deployedApi } from "../v1/test-fixtures";
import { StateStore } from "./store";

const dataDir = mkdtempSync(path.join(tmpdir(), "lgw-store-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("state persistence", () => {
  it("keeps APIs, stages, keys, plans and v2 APIs across a restart on the same dataDir", async () => {
    const first = await startTestGateway({ dataDir, keepDataDir: true });
    const api = await deployedApi(first.v1, "prod");
    const key = await first.v1.send(new CreateApiKeyCommand({ name: "persisted", enabled: true }));
    const plan = await first.v1.send(
      new CreateUsagePlanCommand({ name: "persisted", apiStages: [{ apiId: api.apiId, stage: "prod" }] }),
    );
    const v2 = await first.v2.send(new CreateApiCommand({ Name: "persisted", ProtocolType: "HTTP" }));
    await first.stop();
    expect(existsSync(path.join(dataDir, "state.json"))).toBe(true);

    const second = await startTestGateway({ dataDir, keepDataDir: true });
    expect(
      (await second.v1.send(new GetStageCommand({ restApiId: api.apiId, stageName: "prod" }))).deploymentId,
    ).toBe(api.deploymentId);
    expect((await second.v1.send(new GetApiKeyCommand({ apiKey: key.id, includeValue: true }))).value).toBe(
      key.value,
    );
    expect((await second.v1.send(new GetUsagePlanCommand({ usagePlanId: plan.id }))).apiStages).toEqual([
      { apiId: api.apiId, stage: "prod" },
    ]);
    expect((await second.v2.send(new GetApiCommand({ ApiId: v2.ApiId }))).Name).toBe("persisted");
    // The data plane's indexes are built from the loaded state.
    expect(second.gw.ctx.indexes.keyByValue(key.value!)?.id).toBe(key.id);
    await second.stop();
  });

  it("writes atomically and reset() wipes the state", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lgw-reset-"));
    const store = StateStore.open(dir);
    store.state.apiKeys.k = {
      id: "k",
      value: "v".repeat(20),
      name: "n",
      enabled: true,
      createdDate: 0,
      lastUpdatedDate: 0,
      stageKeys: [],
      tags: {},
    };
    await store.close();
    expect(JSON.parse(readFileSync(path.join(dir, "state.json"), "utf8")).apiKeys.k.name).toBe("n");
    expect(existsSync(path.join(dir, "state.json.tmp"))).toBe(false);
    StateStore.reset(dir);
    expect(Object.keys(StateStore.open(dir).state.apiKeys)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("starts empty when state.json is unreadable", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lgw-bad-"));
    writeFileSync(path.join(dir, "state.json"), "{not json");
    const original = console.warn;
    console.warn = () => undefined;
    try {
      expect(StateStore.open(dir).state.restApis).toEqual({});
    } finally {
      console.warn = original;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
