// `npm start`: make sure HTTPS dev certificates exist, then run the webpack dev server (port 3000) and
// the data proxy (port 3001) together until either stops or the user presses Ctrl+C.
import { spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as devCerts from "office-addin-dev-certs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const certDir = join(homedir(), ".office-addin-dev-certs");
const certFiles = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => join(certDir, f));

function certificatesStillValid() {
  if (!certFiles.every((f) => existsSync(f))) return false;
  const expires = new Date(new X509Certificate(readFileSync(join(certDir, "localhost.crt"))).validTo);
  return expires.getTime() > Date.now() + 24 * 3600 * 1000;
}

function warnCaNotInstalled(err) {
  console.warn(
    [
      "",
      "Could not install the development CA certificate:",
      `  ${String(err?.message ?? err).split("\n")[0]}`,
      "Installing it into the system trust store may need admin rights (sudo on Linux and macOS, an",
      "elevated prompt on Windows). Run `npx office-addin-dev-certs install` as an administrator, or",
      `trust ${join(certDir, "ca.crt")} in your browser. Until then the browser will warn about`,
      "https://localhost:3000, and Excel may refuse to load the add-in.",
      "",
    ].join("\n"),
  );
}

async function ensureCertificates() {
  if (certificatesStillValid()) {
    // Reuse the existing files even if their CA is not in the system store: ensureCertificatesAreInstalled
    // would delete and regenerate them, breaking any trust the user granted by hand in the browser.
    let installed = false;
    try {
      installed = devCerts.isCaCertificateInstalled();
    } catch {
      // The check itself can fail (missing tools); treat as not installed.
    }
    if (!installed) {
      try {
        await devCerts.installCaCertificate();
      } catch (err) {
        warnCaNotInstalled(err);
      }
    }
  } else {
    try {
      await devCerts.ensureCertificatesAreInstalled();
    } catch (err) {
      warnCaNotInstalled(err);
    }
    // Installation comes after generation, so the files usually exist by now; if not, make them.
    if (!certificatesStillValid()) await devCerts.generateCertificates();
    if (!certificatesStillValid()) throw new Error(`No usable dev certificates in ${certDir}.`);
  }
  // Tell webpack.config.js to read these files rather than run the install dance a second time.
  process.env.DEV_CERTS_DIR = certDir;
}

await ensureCertificates();

const children = [];
let stopping = false;

function run(name, bin, args) {
  // Run the local binaries with node directly rather than through npx: `npm exec` does not pass SIGTERM
  // on to its grandchildren, which left the servers running after this script was stopped.
  const child = spawn(process.execPath, [join(root, "node_modules", bin), ...args], {
    cwd: root,
    stdio: "inherit",
  });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.log(`${name} exited (${signal ?? code}).`);
    // One half without the other is not a working setup, so take the other one down too.
    stop(code === 0 ? 0 : 1);
  });
  return child;
}

function stop(exitCode) {
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  }
  process.exitCode = exitCode;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill(signal);
  });
}

run("webpack dev server", "webpack/bin/webpack.js", ["serve", "--mode", "development"]);
if (existsSync(join(root, "server/main.ts"))) {
  run("data proxy", "tsx/dist/cli.mjs", ["server/main.ts"]);
} else {
  console.log("server/main.ts not found: starting the dev server only (no data proxy on :3001).");
}
