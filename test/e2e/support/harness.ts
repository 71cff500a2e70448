// One e2e environment per test file: the add-in's own server (server/createServer) over the e2e build, the
// fixture "publisher" on another loopback port, and a headless Chromium whose every request is either to
// 127.0.0.1, the Office CDN script (answered with the fake host, or a 404), or aborted.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page, type Route } from "playwright-core";
import { createServer } from "../../../server/createServer.js";
import { startFixtureServer, type FixtureServer } from "../../support/fixtureServer.js";
import { listen, type Listening } from "../../support/listen.js";
import { e2eDist, fakeOfficeScript, resultsDir } from "./paths.js";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const OFFICE_CDN = "https://appsforoffice.microsoft.com/";
/** A made-up https publisher; the browser's proxy requests for it are sent to the fixture server instead. */
export const PUBLISHER = "https://publisher.test";

export interface OpenOptions {
  /** Serve the fake Office host for office.js (default true); false answers 404, as offline. */
  office?: boolean;
  viewport?: { width: number; height: number };
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Every URL the page requested from the add-in's server, in order. */
  requests: string[];
  /** Requests that would have left the machine (aborted). */
  blocked: string[];
  /** Uncaught page errors and console errors, for failure messages. */
  errors: string[];
}

export interface E2E {
  /** The add-in's origin, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  fixture: FixtureServer;
  browser: Browser;
  /**
   * While set, proxied requests for PUBLISHER URLs reach the fixture server with `?status=<n>` added, so the
   * publisher answers that HTTP error.
   */
  publisherFails: number | undefined;
  open(file: string, options?: OpenOptions): Promise<OpenedPage>;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const fakeOffice = readFileSync(fakeOfficeScript, "utf8");
  const fixture = await startFixtureServer();
  let server: Listening | undefined;
  let browser: Browser | undefined;
  try {
    server = await listen(
      createServer({
        staticDir: e2eDist,
        allowHosts: [fixture.host],
        allowHttpForTests: true,
        // Each request reaches the fixture server, so a failure a test switches on is seen at once.
        cacheTtlMs: 0,
      }),
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (error) {
    await browser?.close();
    await server?.close();
    await fixture.close();
    throw error;
  }
  const baseUrl = server.url;
  const contexts: BrowserContext[] = [];

  const env: E2E = {
    baseUrl,
    fixture,
    browser,
    publisherFails: undefined,
    async open(file, options = {}) {
      const context = await browser!.newContext({
        viewport: options.viewport ?? { width: 420, height: 900 },
      });
      contexts.push(context);
      const opened: Omit<OpenedPage, "page"> = { context, requests: [], blocked: [], errors: [] };
      await context.route("**/*", (route) => routeRequest(route, opened, options.office !== false));
      const page = await context.newPage();
      page.on("pageerror", (error) => opened.errors.push(`pageerror: ${error.message}`));
      page.on("console", (msg) => {
        if (msg.type() === "error") opened.errors.push(`console: ${msg.text()}`);
      });
      await page.goto(`${baseUrl}/${file}`, { waitUntil: "load" });
      return { page, ...opened };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser!.close();
      await server!.close();
      await fixture.close();
    },
  };

  function routeRequest(route: Route, opened: Omit<OpenedPage, "page">, office: boolean): Promise<void> {
    const url = new URL(route.request().url());
    if (url.href.startsWith(OFFICE_CDN)) {
      return office
        ? route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fakeOffice })
        : route.fulfill({ status: 404, contentType: "text/plain", body: "offline" });
    }
    if (url.origin === baseUrl) {
      opened.requests.push(url.href);
      const rewritten = toFixture(url);
      return rewritten ? route.continue({ url: rewritten }) : route.continue();
    }
    opened.blocked.push(url.href);
    return route.abort("blockedbyclient");
  }

  /** /api/fetch?url=https://publisher.test/… → the same path on the fixture server (plain http, loopback). */
  function toFixture(url: URL): string | undefined {
    if (url.pathname !== "/api/fetch") return undefined;
    const target = url.searchParams.get("url");
    if (!target?.startsWith(`${PUBLISHER}/`)) return undefined;
    const upstream = new URL(target.slice(PUBLISHER.length), fixture.url);
    if (env.publisherFails !== undefined) upstream.searchParams.set("status", String(env.publisherFails));
    const rewritten = new URL(url);
    rewritten.searchParams.set("url", upstream.href);
    return rewritten.href;
  }

  return env;
}

/** Saves a full-page screenshot under test-results/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}
