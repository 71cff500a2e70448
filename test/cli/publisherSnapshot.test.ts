// `cli snapshot --sources` with publishers' own files: local copies (ID=FILE) and the newest release
// downloaded from GOV.UK and the P153 mirror, here a local server standing in for both.
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import type { Observation } from "../../src/core/model.js";
import { p153Reader } from "../../src/core/publishers/p153.js";
import { rdc0120Reader } from "../../src/core/publishers/rdc0120.js";
import { parseSnapshot, snapshotObservations } from "../../src/core/snapshot.js";
import { findPublisherSource } from "../../src/sources/publishers.js";
import { listen, type Listening } from "../support/listen.js";
import { fixture, sharedFile } from "../support/paths.js";
import { runCli } from "./cliProcess.js";

const ENV18 = sharedFile("publisher-files", "defra-env18-la-and-regional-2023-24.ods");
const RDC = sharedFile("publisher-files", "dft-rdc0120-2025.ods");
const P153 = fixture("p153", "p153-YE2025-12.csv");
const WASTE = [
  "household-waste-recycling-rate",
  "residual-household-waste-per-household",
  "recycling-contamination-rate",
];
const ROADS = rdc0120Reader.metrics;

const byKey = (observations: Observation[]) =>
  new Map(observations.map((o) => [`${o.metric}|${o.period}|${o.areacd}`, o]));

describe("cli snapshot from publishers' local files", () => {
  let text: string;
  beforeAll(async () => {
    ({ text } = await run([
      "snapshot",
      "--sources",
      `defra-env18=${ENV18},dft-rdc0120=${RDC}`,
      "--created",
      "2026-01-01",
      "--out",
      "s.json",
    ]));
  });

  it("holds every value of the tidy waste and roads files, and no more", () => {
    const s = parseSnapshot(text);
    expect(Object.keys(s.metrics)).toEqual([...WASTE, ...ROADS]);
    const mine = byKey(snapshotObservations(s));
    let compared = 0;
    for (const [folder, metrics] of [
      ["waste", WASTE],
      ["roads", ROADS],
    ] as const) {
      for (const metric of metrics) {
        const rows = csvParse(readFileSync(sharedFile(folder, `${metric}.csv`), "utf8"));
        const wrong = rows.filter((t) => {
          const o = mine.get(`${metric}|${t.period}|${t.areacd}`);
          return !o || o.value !== (t.value === "" ? null : Number(t.value));
        });
        expect(wrong, `${metric}: ${wrong.length} of ${rows.length} differ`).toEqual([]);
        compared += rows.length;
      }
    }
    expect(mine.size).toBe(compared);
  });

  it("spot checks: Defra's published figures, DfT's, and the councils missing a value", () => {
    const o = byKey(snapshotObservations(parseSnapshot(text)));
    const value = (metric: string, period: string, code: string) =>
      o.get(`${metric}|${period}|${code}`)?.value;
    expect(value("residual-household-waste-per-household", "2010-11", "E07000223")).toBe(454.3); // Adur
    expect(value("household-waste-recycling-rate", "2010-11", "E07000223")).toBe(36.7);
    expect(value("household-waste-recycling-rate", "2023-24", "E06000023")).toBeNull(); // Bristol, ":"
    expect(value("a-roads-maintenance-should-be-considered", "2007-08", "E06000001")).toBe(1); // Hartlepool
    expect(value("a-roads-maintenance-should-be-considered", "2009-10", "E06000047")).toBeNull(); // "[x]"
  });

  it("lists each file as the release its metrics come from, named by the file", () => {
    expect(parseSnapshot(text).releases).toEqual([
      {
        source: "defra-env18",
        publication: findPublisherSource("defra-env18")!.publication,
        title: "defra-env18-la-and-regional-2023-24.ods",
        metrics: WASTE,
      },
      {
        source: "dft-rdc0120",
        publication: findPublisherSource("dft-rdc0120")!.publication,
        title: "dft-rdc0120-2025.ods",
        metrics: [...ROADS],
      },
    ]);
  });

  it("takes the P153 mirror's period after @, and needs it", async () => {
    const { text: p } = await run([
      "snapshot",
      "--sources",
      `mhclg-planning-p153@YE2025-12=${P153}`,
      "--out",
      "p.json",
    ]);
    expect(Object.keys(parseSnapshot(p).metrics["non-major-planning-decisions-in-time"])).toEqual([
      "YE2025-12",
    ]);
    await expect(
      run(["snapshot", "--sources", `mhclg-planning-p153=${P153}`, "--out", "p.json"]),
    ).rejects.toThrow(/mhclg-planning-p153@YE2025-12=FILE/);
    await expect(
      run(["snapshot", "--sources", `dft-rdc0120@2024-25=${RDC}`, "--out", "p.json"]),
    ).rejects.toThrow(/states its own periods/);
  });
});

describe("cli snapshot downloading the newest release", () => {
  const RDC_PATH = "/government/statistical-data-sets/road-condition-statistics-data-tables-rdc";
  const SHA = "0123456789abcdef0123456789abcdef01234567";
  const COMMITTED = "2026-03-20T09:00:00Z"; // 60 days on from the end of December 2025: YE2025-12
  const UPDATED = "2026-01-21T09:30:00.000+00:00";
  const requests: string[] = [];
  let server: Listening;

  beforeAll(async () => {
    const files: Record<string, { type: string; body: () => Buffer | string }> = {
      [`/api/content${RDC_PATH}`]: {
        type: "application/json",
        body: () =>
          JSON.stringify({
            title: "Road condition statistics data tables (RDC)",
            base_path: RDC_PATH,
            public_updated_at: UPDATED,
            details: {
              attachments: [
                {
                  attachment_type: "file",
                  title: "RDC0110",
                  url: "/media/1/rdc0110.ods",
                  filename: "rdc0110.ods",
                },
                {
                  attachment_type: "file",
                  title:
                    "RDC0120: Percentage of local authority managed roads where maintenance should be considered",
                  url: `${server.url}/media/2/rdc0120.ods`,
                  filename: "rdc0120.ods",
                },
              ],
            },
          }),
      },
      "/media/2/rdc0120.ods": {
        type: "application/vnd.oasis.opendocument.spreadsheet",
        body: () => readFileSync(RDC),
      },
      "/repos/digital-land/performance/commits?path=data%2Fp153.csv&per_page=1": {
        type: "application/json",
        body: () => JSON.stringify([{ sha: SHA, commit: { committer: { date: COMMITTED } } }]),
      },
      [`/digital-land/performance/${SHA}/data/p153.csv`]: {
        type: "text/csv",
        body: () => readFileSync(P153),
      },
    };
    server = await listen(
      createServer((req, res) => {
        requests.push(req.url ?? "");
        const file = files[req.url ?? ""];
        if (!file) return res.writeHead(404).end("not here");
        res.writeHead(200, { "content-type": file.type }).end(file.body());
      }),
    );
  });
  afterAll(() => server.close());

  it("finds and reads the newest RDC0120 and P153, recording each release and when it was checked", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "cli-snapshot-")), "s.json");
    const before = new Date().toISOString();
    const r = await runCli(["snapshot", "--sources", "dft-rdc0120,mhclg-planning-p153", "--out", out], {
      GOVUK_ORIGIN: server.url,
      GITHUB_API: server.url,
      GITHUB_RAW: server.url,
    });
    const after = new Date().toISOString();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(requests.filter((u) => u.includes("rdc0110"))).toEqual([]); // only the file asked for

    const s = parseSnapshot(readFileSync(out, "utf8"));
    const [roads, planning] = s.releases ?? [];
    expect(roads).toEqual({
      source: "dft-rdc0120",
      publication: findPublisherSource("dft-rdc0120")!.publication,
      title: "RDC0120: Percentage of local authority managed roads where maintenance should be considered",
      url: `${server.url}/media/2/rdc0120.ods`,
      released: UPDATED,
      checked: expect.any(String),
      metrics: [...ROADS],
    });
    expect(planning).toMatchObject({
      source: "mhclg-planning-p153",
      url: `${server.url}/digital-land/performance/${SHA}/data/p153.csv`,
      released: COMMITTED,
      metrics: ["non-major-planning-decisions-in-time"],
    });
    for (const release of [roads, planning]) {
      expect(release.checked! >= before && release.checked! <= after, release.checked).toBe(true);
    }

    // The values are the files' own, P153 under the period the commit's date implies.
    const want = [
      ...rdc0120Reader.read(new Uint8Array(readFileSync(RDC))),
      ...p153Reader.read(new Uint8Array(readFileSync(P153)), { period: "YE2025-12" }),
    ];
    const mine = byKey(snapshotObservations(s));
    expect(mine.size).toBe(want.length);
    expect(want.filter((o) => mine.get(`${o.metric}|${o.period}|${o.areacd}`)?.value !== o.value)).toEqual(
      [],
    );
  });

  it("still refuses an http source typed on the command line", async () => {
    const r = await runCli(["snapshot", "--sources", `${server.url}/x.csv`, "--out", "never.json"], {
      GOVUK_ORIGIN: server.url,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: Only https URLs can be sources/);
    expect(requests.filter((u) => u === "/x.csv")).toEqual([]);
  });

  it("a publisher's page that cannot be fetched is one line on stderr, naming it", async () => {
    const r = await runCli(["snapshot", "--sources", "defra-env18", "--out", "never.json"], {
      GOVUK_ORIGIN: server.url,
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`${server.url}/api/content/government/statistics/`);
  });
});
