// Builds once per `npm run test:e2e`, before any test file runs: the add-in (production, as shipped) and the
// fake Office host as a browser script. Each test file then starts its own servers and browser over them.
//
// E2E_REUSE_BUILD=1 skips the build when one is already there (for iterating on the tests themselves).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import webpack from "webpack";
import { e2eDist, e2eFake, fakeOfficeScript, repoRoot } from "./paths.js";

const BUILD_TIMEOUT_MS = 240_000;

async function buildAddin(): Promise<void> {
  // No ADDIN_BASE_URL: the manifest keeps its development URLs, which the tests do not use.
  const { ADDIN_BASE_URL: _unused, ...buildEnv } = process.env;
  const webpackCli = join(repoRoot, "node_modules/webpack/bin/webpack.js");
  try {
    await promisify(execFile)(process.execPath, [webpackCli, "--mode", "production"], {
      cwd: repoRoot,
      env: { ...buildEnv, BUILD_OUT: e2eDist },
      maxBuffer: 64 * 1024 * 1024,
      timeout: BUILD_TIMEOUT_MS,
    });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`e2e: building the add-in failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
}

/** test/fakes (shared with the unit tests) as one classic script that sets window.Office, Excel, CustomFunctions. */
function buildFake(): Promise<void> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    context: repoRoot,
    entry: { fakeOffice: "./test/e2e/support/fakeOfficeEntry.ts" },
    output: { path: e2eFake, filename: "[name].js", iife: true, clean: true },
    resolve: { extensions: [".ts", ".js"], extensionAlias: { ".js": [".ts", ".js"] } },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    infrastructureLogging: { level: "error" },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (stats?.hasErrors()) {
        return reject(
          new Error(`e2e: bundling the fake Office host failed:\n${stats.toString("errors-only")}`),
        );
      }
      resolve();
    }),
  );
}

export default async function setup(): Promise<void> {
  if (
    process.env.E2E_REUSE_BUILD === "1" &&
    existsSync(join(e2eDist, "taskpane.html")) &&
    existsSync(fakeOfficeScript)
  ) {
    return;
  }
  mkdirSync(e2eFake, { recursive: true });
  const started = Date.now();
  await Promise.all([buildAddin(), buildFake()]);
  console.log(
    `e2e: built the add-in and the fake Office host in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
