#!/usr/bin/env node
// `npm run cli`: runs the built command line, dist-cli/cli.mjs, building it first when it is missing or
// older than a source it was built from, so a clean checkout works right after `npm ci`. Run through tsx
// the CLI spent 0.5 s compiling before it did anything; built, it starts in about 0.1 s.
// `node scripts/cli.mjs --build` only builds, with esbuild (a pinned devDependency); were it ever missing,
// the sources run through tsx as before.
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist-cli", "cli.mjs");
const inputsFile = join(root, "dist-cli", "inputs.json");

/** True when the bundle is missing, or a file it was built from (or this script) changed since. */
function stale() {
  try {
    const built = statSync(out).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
    return [...inputs, "scripts/cli.mjs"].some((f) => statSync(join(root, f)).mtimeMs > built);
  } catch {
    return true; // no bundle yet, or a source was removed
  }
}

/** Builds the bundle; false when esbuild cannot be loaded. */
async function build() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return false;
  }
  // Written under a temporary name and renamed: runs started at the same time (tests) never see half a file.
  const tmp = `${out}.${process.pid}.tmp`;
  const result = await esbuild
    .build({
      absWorkingDir: root,
      entryPoints: ["src/cli/main.ts"],
      outfile: tmp,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // Packages load from node_modules as they do under tsx; only the repository's own code is bundled.
      packages: "external",
      metafile: true,
      logLevel: "error",
    })
    .catch(() => process.exit(1)); // esbuild has printed what is wrong
  renameSync(tmp, out);
  writeFileSync(`${inputsFile}.${process.pid}.tmp`, JSON.stringify(Object.keys(result.metafile.inputs)));
  renameSync(`${inputsFile}.${process.pid}.tmp`, inputsFile);
  return true;
}

if (process.argv[2] === "--build") {
  if (!(await build())) throw new Error("esbuild is not installed (it comes with tsx): run npm ci");
} else if (!stale() || (await build())) {
  await import(pathToFileURL(out).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(root, "src/cli/main.ts")).href);
}
