import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../../server/createServer.js";
import { listen, rawRequest, type Listening } from "../support/listen.js";

const SECRET = "do-not-serve-this";
let root: string;
let server: Listening;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "council-static-"));
  const dist = path.join(root, "dist");
  await mkdir(path.join(dist, "assets"), { recursive: true });
  const files: Record<string, string> = {
    "index.html": "<!doctype html><title>home</title>",
    "taskpane.html": "<!doctype html><title>task pane</title>",
    "taskpane.js": "console.log(1);",
    "taskpane.js.map": "{}",
    "functions.json": '{"functions":[]}',
    "manifest.xml": "<OfficeApp/>",
    "styles.css": "body{}",
    "assets/icon-32.png": "\x89PNG",
    "assets/logo.svg": "<svg/>",
    "assets/index.html": "assets index",
  };
  for (const [name, body] of Object.entries(files)) await writeFile(path.join(dist, name), body);
  await writeFile(path.join(root, "secret.txt"), SECRET);
  await symlink(path.join(root, "secret.txt"), path.join(dist, "link.txt"));
  server = await listen(createServer({ staticDir: dist }));
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe("static files", () => {
  it.each([
    ["/taskpane.html", "text/html; charset=utf-8"],
    ["/taskpane.js", "text/javascript; charset=utf-8"],
    ["/taskpane.js.map", "application/json; charset=utf-8"],
    ["/functions.json", "application/json; charset=utf-8"],
    ["/manifest.xml", "application/xml; charset=utf-8"],
    ["/styles.css", "text/css; charset=utf-8"],
    ["/assets/icon-32.png", "image/png"],
    ["/assets/logo.svg", "image/svg+xml"],
  ])("serves %s as %s", async (file, type) => {
    const response = await fetch(server.url + file);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    expect((await response.text()).length).toBeGreaterThan(0);
  });

  it("sends a Content-Security-Policy with its pages: this origin and Office.js's CDN only", async () => {
    const page = await fetch(`${server.url}/taskpane.html`);
    const csp = page.headers.get("content-security-policy") ?? "";
    const directive = (name: string) =>
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .find(([n]) => n === name)
        ?.slice(1);
    expect(directive("default-src")).toEqual(["'self'"]);
    expect(directive("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directive("object-src")).toEqual(["'none'"]);
    // Every source named anywhere is this origin, Office.js's CDN, or inline styles and data: images.
    const sources = csp.split(";").flatMap((d) => d.trim().split(/\s+/).slice(1));
    for (const source of sources)
      expect([
        "'self'",
        "'none'",
        "https://appsforoffice.microsoft.com",
        "'unsafe-inline'",
        "data:",
      ]).toContain(source);
    expect(directive("style-src")).toContain("'unsafe-inline'"); // Griffel's style elements, not scripts
    expect(directive("script-src")).not.toContain("'unsafe-inline'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await fetch(`${server.url}/`)).headers.get("content-security-policy")).toBe(csp);
  });

  it("serves index.html for a directory", async () => {
    expect(await (await fetch(`${server.url}/`)).text()).toContain("<title>home</title>");
    expect(await (await fetch(`${server.url}/assets/`)).text()).toBe("assets index");
  });

  it("ignores the query string", async () => {
    expect((await fetch(`${server.url}/taskpane.js?v=123`)).status).toBe(200);
  });

  it("answers 404 for a missing file", async () => {
    const response = await fetch(`${server.url}/nope.js`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not found" });
  });

  it.each([
    "/../secret.txt",
    "/assets/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e%2f%2e%2e%2fsecret.txt",
    "/..%5csecret.txt",
    "/link.txt",
    "/%00taskpane.js",
    "/%E0%A4%A",
  ])("refuses to serve %s", async (rawPath) => {
    const response = await rawRequest(server.url, rawPath);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });

  it("refuses methods other than GET and HEAD", async () => {
    expect((await fetch(`${server.url}/taskpane.js`, { method: "POST" })).status).toBe(405);
    const head = await rawRequest(server.url, "/taskpane.js", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });
});
