// Conformance cases for API keys, usage plans, usage plan keys, usage, tags and the account.
import { expect } from "vitest";
import { fails, ok, recorded, ref, type Case } from "./case-types";

const API = "test_apigateway_api";
const COMMON = "test_apigateway_common";
const KEY_PATHS =
  "Invalid patch path  '/id' specified for op 'replace'. Must be one of: [/description, /enabled, /name, /customerId]";

export const apiKeyCases: Case[] = [
  {
    family: "API keys",
    aws: "CreateApiKey returns the value, stageKeys [] and no tags field; disabled unless enabled is given",
    doc: recorded(`${COMMON} test_api_key_required_for_methods`),
    argv: ["apigateway", "create-api-key", "--name", "k-{uniq}"],
    expect: ok(
      { enabled: false, stageKeys: [] },
      {
        absent: ["tags"],
        check: (j) => expect(String(j.value)).toMatch(/^[A-Za-z0-9]{20,128}$/),
      },
    ),
  },
  {
    family: "API keys",
    aws: "An empty value on create: AWS generates one",
    doc: recorded(`${API} (CreateApiKey with value "")`),
    argv: ["apigateway", "create-api-key", "--name", "empty-{uniq}", "--value", ""],
    expect: ok(undefined, { check: (j) => expect(String(j.value).length).toBeGreaterThanOrEqual(20) }),
  },
  {
    family: "API keys",
    aws: "A value under 20 characters",
    doc: recorded(`${API} (CreateApiKey value length)`),
    argv: ["apigateway", "create-api-key", "--value", "short"],
    expect: fails("BadRequestException", "API Key value should be at least 20 characters"),
  },
  {
    family: "API keys",
    aws: "A value over 128 characters",
    doc: recorded(`${API} (CreateApiKey value length)`),
    argv: ["apigateway", "create-api-key", "--value", "v".repeat(129)],
    expect: fails("BadRequestException", "API Key value exceeds maximum size of 128 characters"),
  },
  {
    family: "API keys",
    aws: "A name over 1024 characters",
    doc: recorded(`${API} (CreateApiKey name length)`),
    argv: ["apigateway", "create-api-key", "--name", "n".repeat(1025)],
    expect: fails("BadRequestException", "Invalid API Key name, can be at most 1024 characters."),
  },
  {
    family: "API keys",
    aws: "A description over 125,000 characters",
    doc: recorded(`${API} (CreateApiKey description length)`),
    argv: ["apigateway", "create-api-key", "--name", "d", "--description", "d".repeat(125_001)],
    expect: fails("BadRequestException", "Invalid API Key description specified."),
  },
  {
    family: "API keys",
    aws: "Key values are unique in the account",
    doc: ref("CreateApiKey"),
    argv: ["apigateway", "create-api-key", "--name", "dup", "--value", "conformance-fixture-key-0001"],
    expect: fails("ConflictException", "API Key value already exists"),
  },
  {
    family: "API keys",
    aws: "GetApiKey hides the value unless includeValue",
    doc: ref("GetApiKey"),
    argv: ["apigateway", "get-api-key", "--api-key", "{key}"],
    expect: ok({ id: "{key}", enabled: true }, { absent: ["value", "tags"] }),
  },
  {
    family: "API keys",
    aws: "GetApiKey --include-value returns the value",
    doc: ref("GetApiKey"),
    argv: ["apigateway", "get-api-key", "--api-key", "{key}", "--include-value"],
    expect: ok({ id: "{key}", value: "conformance-fixture-key-0001" }),
  },
  {
    family: "API keys",
    aws: "Unknown key: 404 Invalid API Key identifier specified",
    doc: ref("GetApiKey"),
    argv: ["apigateway", "get-api-key", "--api-key", "nope"],
    expect: fails("NotFoundException", "Invalid API Key identifier specified"),
  },
  {
    family: "API keys",
    aws: "GetApiKeys with limit -1: 200 and an empty list",
    doc: recorded(`${API} (GetApiKeys limit -1)`),
    argv: ["apigateway", "get-api-keys", "--limit", "-1"],
    expect: ok({ items: [] }),
  },
  {
    family: "API keys",
    aws: "GetApiKeys filters by name prefix",
    doc: ref("GetApiKeys"),
    argv: ["apigateway", "get-api-keys", "--name-query", "fixture-key"],
    expect: ok(undefined, {
      check: (j) => {
        const names = (j.items as { name: string }[]).map((i) => i.name).sort();
        expect(names).toEqual(["fixture-key", "fixture-key-2"]);
      },
    }),
  },
  {
    family: "API keys",
    aws: "UpdateApiKey answers without value and with tags {}",
    doc: recorded(`${COMMON} test_api_key_required_for_methods`),
    argv: [
      "apigateway",
      "update-api-key",
      "--api-key",
      "{key2}",
      "--patch-operations",
      "op=replace,path=/description,value=second key",
    ],
    expect: ok({ description: "second key", tags: {} }, { absent: ["value"] }),
  },
  {
    family: "API keys",
    aws: "enabled given as a non-boolean string reads as false (200)",
    doc: recorded(`${API} (UpdateApiKey enabled not a boolean)`),
    argv: [
      "apigateway",
      "update-api-key",
      "--api-key",
      "{key2}",
      "--patch-operations",
      "op=replace,path=/enabled,value=yes-please",
    ],
    expect: ok({ enabled: false }),
  },
  {
    family: "API keys",
    aws: "UpdateApiKey on another path lists the four valid ones",
    doc: recorded(`${API} (UpdateApiKey bad path)`),
    argv: [
      "apigateway",
      "update-api-key",
      "--api-key",
      "{key2}",
      "--patch-operations",
      "op=replace,path=/id,value=x",
    ],
    expect: fails("BadRequestException", KEY_PATHS),
  },
  {
    family: "API keys",
    aws: "A bad patch op is a ValidationException",
    doc: recorded(`${API} (patch op enum)`),
    argv: [
      "apigateway",
      "update-api-key",
      "--api-key",
      "{key2}",
      "--patch-operations",
      "op=wrong,path=/name,value=x",
    ],
    expect: fails(
      "ValidationException",
      "1 validation error detected: Value 'wrong' at 'updateApiKeyInput.patchOperations.1.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]",
    ),
  },
];

export const usagePlanCases: Case[] = [
  {
    family: "Usage plans",
    aws: "CreateUsagePlan renders throttle and quota and leaves out empty tags",
    doc: recorded(`${COMMON} test_usage_plan_crud`),
    argv: [
      "apigateway",
      "create-usage-plan",
      "--name",
      "p-{uniq}",
      "--throttle",
      "burstLimit=1,rateLimit=2",
      "--quota",
      "limit=10,offset=0,period=DAY",
    ],
    expect: ok(
      {
        throttle: { burstLimit: 1, rateLimit: 2 },
        quota: { limit: 10, offset: 0, period: "DAY" },
        apiStages: [],
      },
      { absent: ["tags"] },
    ),
  },
  {
    family: "Usage plans",
    aws: "GetUsagePlan carries tags {}",
    doc: recorded(`${COMMON} test_usage_plan_crud`),
    argv: ["apigateway", "get-usage-plan", "--usage-plan-id", "{plan}"],
    expect: ok({ id: "{plan}", tags: {}, apiStages: [{ apiId: "{api}", stage: "{stage}" }] }),
  },
  {
    family: "Usage plans",
    aws: "GetUsagePlans items leave out empty tags",
    doc: recorded(`${COMMON} test_usage_plan_crud`),
    argv: ["apigateway", "get-usage-plans"],
    expect: ok(undefined, {
      check: (j, fx) => {
        const item = (j.items as Record<string, unknown>[]).find((i) => i.id === fx.plan);
        expect(item).toBeDefined();
        expect(item).not.toHaveProperty("tags");
      },
    }),
  },
  {
    family: "Usage plans",
    aws: "Unknown plan: 404 Invalid Usage Plan ID specified",
    doc: recorded(`${COMMON} test_usage_plan_crud`),
    argv: ["apigateway", "get-usage-plan", "--usage-plan-id", "nope"],
    expect: fails("NotFoundException", "Invalid Usage Plan ID specified"),
  },
  {
    family: "Usage plans",
    aws: "add /apiStages without a value",
    doc: recorded(`${COMMON} test_usage_plan_crud`),
    argv: [
      "apigateway",
      "update-usage-plan",
      "--usage-plan-id",
      "{plan}",
      "--patch-operations",
      "op=add,path=/apiStages",
    ],
    expect: fails("BadRequestException", "Invalid API Stage specified"),
  },
  {
    family: "Usage plans",
    aws: "add /apiStages of an unknown stage: 404 naming api, stage and plan",
    doc: recorded(`${COMMON} test_usage_plan_crud`),
    argv: [
      "apigateway",
      "update-usage-plan",
      "--usage-plan-id",
      "{plan}",
      "--patch-operations",
      "op=add,path=/apiStages,value={api}:fakestagename",
    ],
    expect: fails(
      "NotFoundException",
      "Invalid API Stage {api: {api}, stage: fakestagename} specified for usageplan {plan}",
    ),
  },
  {
    family: "Usage plans",
    aws: "UpdateUsagePlan sets throttle and quota and answers with tags {}",
    doc: recorded(`${COMMON} test_usage_plan_crud`),
    argv: [
      "apigateway",
      "update-usage-plan",
      "--usage-plan-id",
      "{plan}",
      "--patch-operations",
      "op=replace,path=/throttle/burstLimit,value=100",
      "op=replace,path=/throttle/rateLimit,value=200",
      "op=replace,path=/quota/limit,value=5000",
      "op=replace,path=/quota/period,value=MONTH",
    ],
    expect: ok({
      throttle: { burstLimit: 100, rateLimit: 200 },
      quota: { limit: 5000, offset: 0, period: "MONTH" },
      tags: {},
    }),
  },
  {
    family: "Usage plans",
    aws: "A plan with stages attached cannot be deleted",
    doc: "https://github.com/aws/aws-sdk-js/issues/3841",
    argv: ["apigateway", "delete-usage-plan", "--usage-plan-id", "{plan}"],
    expect: fails(
      "BadRequestException",
      "Cannot delete Usage Plan {plan} because there are API Stages associated with it, including {api}:{stage}",
    ),
  },
];

export const planKeyCases: Case[] = [
  {
    family: "Usage plan keys",
    aws: "GetUsagePlanKeys lists id, type, value and name",
    doc: ref("GetUsagePlanKeys"),
    argv: ["apigateway", "get-usage-plan-keys", "--usage-plan-id", "{plan}"],
    expect: ok({
      items: [{ id: "{key}", type: "API_KEY", value: "conformance-fixture-key-0001", name: "fixture-key" }],
    }),
  },
  {
    family: "Usage plan keys",
    aws: "GetUsagePlanKeys of an unknown plan: 200 and an empty list",
    doc: recorded(`${API} (GetUsagePlanKeys unknown plan)`),
    argv: ["apigateway", "get-usage-plan-keys", "--usage-plan-id", "nope"],
    expect: ok({ items: [] }),
  },
  {
    family: "Usage plan keys",
    aws: "Adding a key twice: 409",
    doc: ref("CreateUsagePlanKey"),
    argv: [
      "apigateway",
      "create-usage-plan-key",
      "--usage-plan-id",
      "{plan}",
      "--key-id",
      "{key}",
      "--key-type",
      "API_KEY",
    ],
    expect: fails("ConflictException", "Usage Plan Key already exists"),
  },
  {
    family: "Usage plan keys",
    aws: "GetUsagePlanKey of a key not in the plan: 404",
    doc: ref("GetUsagePlanKey"),
    argv: ["apigateway", "get-usage-plan-key", "--usage-plan-id", "{plan}", "--key-id", "{key2}"],
    expect: fails("NotFoundException", "Invalid API Key identifier specified"),
  },
];

export const usageCases: Case[] = [
  {
    family: "Usage",
    aws: "GetUsage answers usagePlanId, the dates and per-key [used, remaining] per day",
    doc: ref("GetUsage"),
    argv: [
      "apigateway",
      "get-usage",
      "--usage-plan-id",
      "{plan}",
      "--start-date",
      "{today}",
      "--end-date",
      "{today}",
    ],
    expect: ok(
      { usagePlanId: "{plan}", startDate: "{today}", endDate: "{today}" },
      {
        check: (j, fx) => {
          const items = j.items as Record<string, number[][]>;
          expect(items[fx.key]).toHaveLength(1);
        },
      },
    ),
  },
  {
    family: "Usage",
    aws: "A keyId not in the plan: 404 Invalid Key identifier specified",
    doc: ref("GetUsage"),
    argv: [
      "apigateway",
      "get-usage",
      "--usage-plan-id",
      "{plan}",
      "--key-id",
      "{key2}",
      "--start-date",
      "{today}",
      "--end-date",
      "{today}",
    ],
    expect: fails("NotFoundException", "Invalid Key identifier specified"),
  },
];

export const tagCases: Case[] = [
  {
    family: "Tags and account",
    aws: "TagResource then GetTags on a stage ARN",
    doc: ref("TagResource"),
    argv: [
      "apigateway",
      "tag-resource",
      "--resource-arn",
      "arn:aws:apigateway:us-east-1::/restapis/{api}/stages/{stage}",
      "--tags",
      "team=core",
    ],
    expect: { exit: 0 },
  },
  {
    family: "Tags and account",
    aws: "GetTags returns the tags of the stage",
    doc: ref("GetTags"),
    argv: [
      "apigateway",
      "get-tags",
      "--resource-arn",
      "arn:aws:apigateway:us-east-1::/restapis/{api}/stages/{stage}",
    ],
    expect: ok({ tags: { team: "core" } }),
  },
  {
    family: "Tags and account",
    aws: "GetAccount answers throttleSettings and apiKeyVersion",
    doc: ref("GetAccount"),
    argv: ["apigateway", "get-account"],
    expect: ok({ throttleSettings: { burstLimit: 5000, rateLimit: 10000 } }),
  },
];
