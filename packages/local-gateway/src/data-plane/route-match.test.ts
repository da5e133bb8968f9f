import { describe, expect, it } from "vitest";
import { compileRoutes, matchRoute } from "./route-match";

const table = compileRoutes<string>([
  { path: "/", methods: { GET: "root" } },
  { path: "/pets", methods: { GET: "list", POST: "create" } },
  { path: "/pets/{petId}", methods: { GET: "get", DELETE: "delete" } },
  { path: "/pets/mine", methods: { GET: "mine" } },
  { path: "/pets/{petId}/toys/{toyId}", methods: { ANY: "toy" } },
  { path: "/files/{proxy+}", methods: { GET: "file" } },
  { path: "/api", methods: {} },
  { path: "/api/{proxy+}", methods: { ANY: "api" } },
  { path: "/{proxy+}", methods: { POST: "catch-post" } },
]);

describe("matchRoute", () => {
  it.each([
    ["GET", "/", "root", "GET", {}],
    ["GET", "", "root", "GET", {}],
    ["GET", "/pets", "list", "GET", {}],
    ["GET", "/pets/", "list", "GET", {}],
    ["post", "/pets", "create", "POST", {}],
    ["GET", "/pets/42", "get", "GET", { petId: "42" }],
    ["GET", "/pets/mine", "mine", "GET", {}],
    ["DELETE", "/pets/mine", "delete", "DELETE", { petId: "mine" }],
    ["PATCH", "/pets/1/toys/ball", "toy", "ANY", { petId: "1", toyId: "ball" }],
    ["GET", "/files/a/b/c.txt", "file", "GET", { proxy: "a/b/c.txt" }],
    ["GET", "/files/x%2Fy", "file", "GET", { proxy: "x%2Fy" }],
    ["DELETE", "/api/v1/things/9", "api", "ANY", { proxy: "v1/things/9" }],
    ["POST", "/anything/else", "catch-post", "POST", { proxy: "anything/else" }],
    ["POST", "/pets/42", "catch-post", "POST", { proxy: "pets/42" }],
  ])("%s %s → %s", (method, path, expected, methodKey, params) => {
    const m = matchRoute(table, method, path);
    expect(m?.method).toBe(expected);
    expect(m?.methodKey).toBe(methodKey);
    expect(m?.params).toEqual(params);
  });

  it.each([
    ["PUT", "/pets"],
    ["GET", "/unknown"],
    ["GET", "/files"],
    ["GET", "/api"],
    ["GET", "/pets/1/toys"],
  ])("%s %s → no match", (method, path) => {
    expect(matchRoute(table, method, path)).toBeUndefined();
  });

  it("matches nothing in an empty deployment", () => {
    expect(matchRoute(compileRoutes<string>([]), "GET", "/")).toBeUndefined();
  });
});
