import { describe, expect, it } from "vitest";
import { allowList, webhookTargetProblem } from "./webhook-target";

// Issue 13: a rollout webhookUrl accepted 169.254.169.254 and loopback (server-side request forgery).
const none = allowList(undefined);
const resolveTo =
  (...addresses: string[]) =>
  async () =>
    addresses;

describe("webhook targets", () => {
  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:8080/hook",
    "http://[::1]/hook",
    "http://10.1.2.3/hook",
    "http://192.168.0.10/hook",
    "http://172.20.0.1/hook",
    "http://[fe80::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://0.0.0.0/hook",
  ])("refuses %s", async (url) => {
    expect(await webhookTargetProblem(url, none, resolveTo())).toMatch(/private, loopback or link-local/);
  });

  it("judges the resolved addresses, not the name", async () => {
    expect(
      await webhookTargetProblem("https://hooks.example.com/x", none, resolveTo("93.184.215.14")),
    ).toBeNull();
    expect(
      await webhookTargetProblem(
        "https://rebind.example.com/x",
        none,
        resolveTo("93.184.215.14", "127.0.0.1"),
      ),
    ).toMatch(/127\.0\.0\.1/);
    expect(
      await webhookTargetProblem("https://nx.example/x", none, async () => Promise.reject(new Error("x"))),
    ).toMatch(/does not resolve/);
  });

  it("allows what WEBHOOK_ALLOWED_NETWORKS lists, and nothing else of the private ranges", async () => {
    const loopback = allowList("127.0.0.0/8, ::1");
    expect(await webhookTargetProblem("http://127.0.0.1:9/h", loopback, resolveTo())).toBeNull();
    expect(await webhookTargetProblem("http://[::1]:9/h", loopback, resolveTo())).toBeNull();
    expect(await webhookTargetProblem("http://169.254.169.254/", loopback, resolveTo())).not.toBeNull();
    expect(() => allowList("127.0.0.0/33")).toThrow(/127\.0\.0\.0\/33/);
  });

  it("refuses credentials in the URL and other schemes", async () => {
    expect(
      await webhookTargetProblem("https://u:p@hooks.example.com/", none, resolveTo("93.184.215.14")),
    ).toMatch(/user name or password/);
    expect(await webhookTargetProblem("file:///etc/passwd", none, resolveTo())).toMatch(/http/);
  });
});
