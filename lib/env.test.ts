import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "tollgate-env-"));

describe("parseEnv", () => {
  it("runs in local mode with no variables at all", () => {
    const dir = dataDir();
    const env = parseEnv({ DATA_DIR: dir });
    expect(env).toMatchObject({
      TOLLGATE_MODE: "local",
      databaseKind: "sqlite",
      awsEndpoint: "http://127.0.0.1:4566",
      AWS_REGION: "us-east-1",
      secureCookies: true,
      oidcEnabled: false,
    });
    // A session secret is generated once and kept.
    expect(env.authSecret).toHaveLength(43);
    expect(readFileSync(path.join(dir, "auth-secret"), "utf8")).toBe(env.authSecret);
    expect(parseEnv({ DATA_DIR: dir }).authSecret).toBe(env.authSecret);
  });

  it("names every bad or missing variable in one message", () => {
    let message = "";
    try {
      parseEnv({
        DATABASE_URL: "mysql://x",
        AWS_REGION: "moon",
        TOLLGATE_MODE: "aws",
        OIDC_ISSUER: "https://idp.example.com",
        LOGIN_MAX_FAILURES: "0",
      });
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      message = (e as Error).message;
    }
    for (const name of [
      "DATABASE_URL",
      "AWS_REGION",
      "AUTH_SECRET",
      "OIDC_CLIENT_ID",
      "OIDC_CLIENT_SECRET",
      "LOGIN_MAX_FAILURES",
    ]) {
      expect(message).toContain(`- ${name}:`);
    }
  });

  it("switches to PostgreSQL, aws mode and secure cookies from the variables", () => {
    const env = parseEnv({
      TOLLGATE_MODE: "aws",
      AUTH_SECRET: "x".repeat(40),
      DATABASE_URL: "postgres://u@db/tollgate",
      APP_URL: "http://tollgate.internal:3000",
      DATA_DIR: dataDir(),
    });
    expect(env).toMatchObject({ databaseKind: "postgresql", awsEndpoint: undefined, secureCookies: false });
    expect(parseEnv({ APP_URL: "https://tollgate.example.com", DATA_DIR: dataDir() }).secureCookies).toBe(
      true,
    );
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ SMTP_URL: "", DATA_DIR: dataDir() }).SMTP_URL).toBeUndefined();
  });
});
