// `cli snapshot` downloading https sources as a user runs it, from a real local https server (its test
// certificate trusted by the CLI's process through NODE_EXTRA_CA_CERTS): a redirect down to http, a
// server that cannot be reached and a download cut off are each one line on stderr and exit code 2.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSnapshot, snapshotObservations } from "../../src/core/snapshot.js";
import { startFixtureServer, type FixtureServer } from "../support/fixtureServer.js";
import { listen, type Listening } from "../support/listen.js";
import { repoRoot, sharedFile } from "../support/paths.js";
import { runCli } from "./cliProcess.js";

const TLS = resolve(repoRoot, "test/cli/tls");
const trusted = { NODE_EXTRA_CA_CERTS: join(TLS, "localhost-cert.pem") };
const ROADS = readFileSync(sharedFile("roads/a-roads-maintenance-should-be-considered.csv"), "utf8");

let plain: FixtureServer; // http, serving ../shared/data
let secure: Listening & { https: string };
const asked: string[] = [];

beforeAll(async () => {
  plain = await startFixtureServer();
  const server = createServer(
    {
      key: readFileSync(join(TLS, "localhost-key.pem")),
      cert: readFileSync(join(TLS, "localhost-cert.pem")),
    },
    (req, res) => {
      asked.push(req.url ?? "");
      switch (req.url) {
        case "/roads.csv":
          return res.writeHead(200, { "content-type": "text/csv" }).end(ROADS);
        case "/moved.csv":
          return res.writeHead(301, { location: "/roads.csv" }).end();
        case "/down.csv":
          return res.writeHead(302, { location: `${plain.url}/data/waste-sample.csv` }).end();
        case "/cut.csv": // declares the whole file, sends a third and hangs up
          res.socket?.end(
            `HTTP/1.1 200 OK\r\ncontent-type: text/csv\r\ncontent-length: ${ROADS.length}\r\n\r\n` +
              ROADS.slice(0, Math.floor(ROADS.length / 3)),
          );
          return;
        case "/cut-mid-row.csv": // no Content-Length to check: the end of the text is all there is
          res.socket?.end(
            "HTTP/1.1 200 OK\r\ncontent-type: text/csv\r\nconnection: close\r\n\r\n" +
              "areacd,areanm,period,indicator,value\nE06000001,Hartlepool UA,2007-08,x,1\nE06000002,Middles",
          );
          return;
        default:
          res.writeHead(404).end("not here");
      }
    },
  );
  // listen() uses only what https.Server shares with http.Server (listen, address, close*).
  const listening = await listen(server as unknown as HttpServer);
  secure = { ...listening, https: listening.url.replace(/^http:/, "https:") };
});
afterAll(async () => {
  await secure.close();
  await plain.close();
});

const dir = mkdtempSync(join(tmpdir(), "cli-download-"));
const snapshot = (source: string, name: string) => {
  const out = join(dir, name);
  return { out, run: runCli(["snapshot", "--sources", source, "--out", out], trusted) };
};

describe("cli snapshot downloads", () => {
  it("reads a file over https, following a redirect that stays on https", async () => {
    const { out, run } = snapshot(`${secure.https}/moved.csv`, "moved.json");
    const r = await run;
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const observations = snapshotObservations(parseSnapshot(readFileSync(out, "utf8")));
    expect(observations).toHaveLength(ROADS.trimEnd().split("\n").length - 1);
  });

  it("refuses a redirect from https to http, naming both addresses, and exits 2", async () => {
    const from = `${secure.https}/down.csv`;
    const to = `${plain.url}/data/waste-sample.csv`;
    const { out, run } = snapshot(from, "down.json");
    const r = await run;
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `error: Could not fetch ${from}: refused the redirect from ${from} to ${to}, which leaves https ` +
        "(the file could be altered on the way)\n",
    );
    expect(plain.log()).toHaveLength(0); // the http copy was never asked for
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 when the server cannot be reached", async () => {
    const gone = await listen(createHttpServer()); // a port nobody listens on once it is closed
    await gone.close();
    const url = `${gone.url.replace(/^http:/, "https:")}/x.csv`;
    const r = await snapshot(url, "gone.json").run;
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      new RegExp(
        `^error: Could not fetch ${url}: network error \\(offline, or the server could not be reached\\).*ECONNREFUSED.*\n$`,
      ),
    );
  });

  it("exits 2 saying the download was cut off when less than the Content-Length arrives", async () => {
    const url = `${secure.https}/cut.csv`;
    const r = await snapshot(url, "cut.json").run;
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `^error: Could not fetch ${url}: the download was cut off \\(\\d[\\d,]* of ${ROADS.length.toLocaleString("en-GB")} bytes arrived\\); try again\n$`,
      ),
    );
    expect(asked.filter((u) => u === "/cut.csv")).toHaveLength(3); // a dropped connection is worth retrying
  });

  it("exits 2 saying the file may be cut off when it ends part-way through a row", async () => {
    const r = await snapshot(`${secure.https}/cut-mid-row.csv`, "cut-row.json").run;
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "error: Line 3: 2 fields where the header has 5 — the file ends part-way through this row, so it may " +
        "have been cut off\n",
    );
  });
});
