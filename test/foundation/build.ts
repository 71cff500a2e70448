// A production build of the add-in into a temp folder, for the foundation tests (bundle.test.ts checks what
// Office loads, bundleSize.test.ts what it weighs). Each test file builds once, in its beforeAll.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../support/paths.js";

export const BUILD_TIMEOUT_MS = 240_000;

export interface ProductionBuild {
  /** The output folder (BUILD_OUT). */
  out: string;
  /** Set when webpack failed: fail each test with it (a throwing beforeAll would skip them all). */
  error?: Error;
  remove(): void;
}

/** Runs `webpack --mode production` with BUILD_OUT set to a new temp folder and `env` added. */
export async function productionBuild(env: Record<string, string> = {}): Promise<ProductionBuild> {
  const out = mkdtempSync(join(tmpdir(), "council-benchmarks-build-"));
  const remove = () => rmSync(out, { recursive: true, force: true });
  const webpackCli = join(repoRoot, "node_modules/webpack/bin/webpack.js");
  try {
    await promisify(execFile)(process.execPath, [webpackCli, "--mode", "production"], {
      cwd: repoRoot,
      env: { ...process.env, ...env, BUILD_OUT: out },
      maxBuffer: 64 * 1024 * 1024,
      timeout: BUILD_TIMEOUT_MS,
    });
    return { out, remove };
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    return { out, remove, error: new Error(`webpack build failed:\n${stdout ?? ""}\n${stderr ?? ""}`) };
  }
}

/** The src of every <script> in a built page, in order (html-webpack-plugin minifies, so quotes are optional). */
export const scriptSources = (html: string): string[] =>
  [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s">]+))/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
