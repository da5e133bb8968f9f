import { describe, expect, it } from "vitest";
import { compileUriTemplate, renderUri, withQuery } from "./uri-template";

describe("uri templates", () => {
  const vars = { upstream: "http://127.0.0.1:9000", version: "v2" };
  it.each([
    ["http://example.com/static", {}, "http://example.com/static", true],
    [
      "${stageVariables.upstream}/${stageVariables.version}/payments",
      {},
      "http://127.0.0.1:9000/v2/payments",
      false,
    ],
    [
      "${stageVariables.upstream}/v1/{proxy}",
      { proxy: "a/b%20c" },
      "http://127.0.0.1:9000/v1/a/b%20c",
      false,
    ],
    ["${stageVariables.upstream}/v1/{proxy+}", { proxy: "x" }, "http://127.0.0.1:9000/v1/x", false],
    ["http://h/pets/{petId}/toys/{toyId}", { petId: "7", toyId: "t1" }, "http://h/pets/7/toys/t1", false],
    ["http://h/${stageVariables.missing}/{missing}", {}, "http://h//", false],
  ])("%s", (uri, params, expected, isStatic) => {
    const t = compileUriTemplate(uri);
    expect(t.isStatic).toBe(isStatic);
    expect(renderUri(t, vars, params)).toBe(expected);
  });

  it.each([
    ["http://h/a", "", "http://h/a"],
    ["http://h/a", "x=1", "http://h/a?x=1"],
    ["http://h/a?y=2", "x=1", "http://h/a?y=2&x=1"],
  ])("withQuery(%s, %s)", (target, q, expected) => {
    expect(withQuery(target, q)).toBe(expected);
  });
});
