import { describe, expect, it } from "vitest";
import { metricsApiName } from "./compiled";
import { parseDataPlaneUrl } from "./handler";

describe("parseDataPlaneUrl", () => {
  it.each([
    [
      "/restapis/abc/prod/_user_request_/pets/1?x=1&y=2",
      { apiId: "abc", stageName: "prod", path: "/pets/1", query: "x=1&y=2" },
    ],
    ["/restapis/abc/prod/_user_request_/", { apiId: "abc", stageName: "prod", path: "/", query: "" }],
    ["/restapis/abc/prod/_user_request_", { apiId: "abc", stageName: "prod", path: "", query: "" }],
    [
      "/restapis/abc/my%2Dstage/_user_request_/a%20b",
      { apiId: "abc", stageName: "my-stage", path: "/a%20b", query: "" },
    ],
    ["/restapis/abc/bad%E0/_user_request_/x", { apiId: "abc", stageName: "bad%E0", path: "/x", query: "" }],
  ])("%s", (url, expected) => {
    expect(parseDataPlaneUrl(url)).toEqual(expected);
  });

  it.each([
    "/restapis/abc",
    "/restapis/abc/prod",
    "/restapis/abc/prod/other/x",
    "/restapis/abc/prod/_user_request_x",
    "/v2/apis",
  ])("%s is not a data-plane URL", (url) => {
    expect(parseDataPlaneUrl(url)).toBeUndefined();
  });
});

describe("metricsApiName", () => {
  it.each([
    ["payments", "id1", "payments"],
    ["zahlungen-ü", "id1", "zahlungen-"],
    ["支付", "id1", "id1"],
  ])("%s → %s", (name, id, expected) => {
    expect(metricsApiName(name, id)).toBe(expected);
  });
});
