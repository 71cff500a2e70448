// `npm start`'s dev server sends the pages' CSP too, and hot reloading still works under it: the dev server
// of webpack.config.js (its headers, port and HTTPS as a plain `webpack serve` sets them) serves a one-line
// page, which a change to its source must reach over the dev server's websocket without breaking a rule.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";
import makeConfigs from "../../webpack.config.js";
import { devPageCsp } from "../../server/pageCsp.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "./support/harness.js";

let dir: string;
let server: WebpackDevServer;
let browser: Browser;
let port: number;

const page = (text: string) => `document.body.textContent = ${JSON.stringify(text)};\n`;

beforeAll(async () => {
  const [addin] = await makeConfigs({}, { mode: "development" });
  const devServer = addin.devServer!;
  port = Number(devServer.port);
  dir = mkdtempSync(join(tmpdir(), "dev-server-"));
  writeFileSync(join(dir, "entry.js"), page("first version"));
  const compiler = webpack({
    mode: "development",
    devtool: "source-map",
    context: dir,
    entry: "./entry.js",
    output: { path: join(dir, "dist") },
    plugins: [new HtmlWebpackPlugin()],
    infrastructureLogging: { level: "error" },
  });
  // Its data proxy target is not running: this page never calls /api.
  server = new WebpackDevServer({ ...devServer, devMiddleware: { stats: "errors-only" } }, compiler);
  await server.start();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the dev server of npm start", () => {
  it("sends the pages' Content-Security-Policy, and a change to the source reaches the page under it", async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const tab = await context.newPage();
    const refused: string[] = [];
    tab.on("console", (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) refused.push(msg.text());
    });
    const response = await tab.goto(`https://localhost:${port}/index.html`);
    expect(response?.headers()["content-security-policy"]).toBe(devPageCsp(port));
    expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
    await tab.waitForFunction(() => document.body?.textContent === "first version");

    writeFileSync(join(dir, "entry.js"), page("second version"));
    await tab.waitForFunction(() => document.body?.textContent === "second version", null, {
      timeout: 30_000,
    });
    expect(refused).toEqual([]);
    await context.close();
  });
});
