import { describe, expect, it } from "vitest";
import { createMemoryCache } from "../../src/sources/index.js";

const entry = (body: string) => ({ body, etag: `"${body}"`, storedAt: 0 });

describe("createMemoryCache", () => {
  it("returns what was stored", () => {
    const cache = createMemoryCache();
    cache.set("a", entry("A"));
    expect(cache.get("a")?.body).toBe("A");
    expect(cache.get("b")).toBeUndefined();
  });

  it("evicts the least recently used entry when full", () => {
    const cache = createMemoryCache(2);
    cache.set("a", entry("A"));
    cache.set("b", entry("B"));
    cache.get("a");
    cache.set("c", entry("C"));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.body).toBe("A");
    expect(cache.get("c")?.body).toBe("C");
  });

  it("replaces an entry without growing", () => {
    const cache = createMemoryCache(2);
    cache.set("a", entry("A"));
    cache.set("b", entry("B"));
    cache.set("a", entry("A2"));
    expect(cache.get("a")?.body).toBe("A2");
    expect(cache.get("b")?.body).toBe("B");
  });

  it("rejects a size below one", () => {
    expect(() => createMemoryCache(0)).toThrow(RangeError);
  });
});
