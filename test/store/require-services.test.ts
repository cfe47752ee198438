import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { requireRedis } from "../helpers/databases.js";

describe("requireRedis", () => {
  const saved = { url: process.env.REDIS_URL_TEST, required: process.env.REQUIRE_REDIS };
  afterEach(() => {
    for (const [key, value] of [
      ["REDIS_URL_TEST", saved.url],
      ["REQUIRE_REDIS", saved.required],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    jest.restoreAllMocks();
  });

  it("returns REDIS_URL_TEST when it is set", () => {
    process.env.REDIS_URL_TEST = "redis://127.0.0.1:6379";
    expect(requireRedis()).toBe("redis://127.0.0.1:6379");
  });

  it("warns loudly and returns undefined when Redis is not configured locally", () => {
    delete process.env.REDIS_URL_TEST;
    delete process.env.REQUIRE_REDIS;
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    expect(requireRedis()).toBeUndefined();
    expect(warn).toHaveBeenCalledWith("Redis suites SKIPPED: REDIS_URL_TEST not set");
  });

  it("fails when CI requires Redis and none is configured", () => {
    delete process.env.REDIS_URL_TEST;
    process.env.REQUIRE_REDIS = "1";
    expect(() => requireRedis()).toThrow("Redis suites REQUIRED (REQUIRE_REDIS=1) but REDIS_URL_TEST is not set");
  });
});
