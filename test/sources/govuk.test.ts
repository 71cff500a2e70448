// Finding the newest release on GOV.UK (Content API) and on the P153 mirror, against a local stand-in.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLISHER_READERS } from "../../src/core/publishers/index.js";
import { p153Reader } from "../../src/core/publishers/p153.js";
import { findRelease, latestYear, pickAttachment, pickDocument } from "../../src/sources/govuk.js";
import { downloadNewest, findPublisherSource, PUBLISHER_SOURCES } from "../../src/sources/publishers.js";
import { SourceError } from "../../src/sources/sourceError.js";
import { startFixtureServer, type FixtureServer } from "../support/fixtureServer.js";
import { fixture } from "../support/paths.js";

const file = (
  title: string,
  filename: string,
  url = `https://assets.publishing.service.gov.uk/media/x/${filename}`,
) => ({
  attachment_type: "file",
  title,
  filename,
  url,
});

describe("latestYear", () => {
  it.each([
    ["LA and regional spreadsheet 2023-24", 2024],
    ["LA and regional spreadsheet 2023/24", 2024],
    ["Revenue outturn 2023 to 2024 individual local authority data", 2024],
    ["RDC0120 (updated January 2026) covering 2007 to 2025", 2026],
    ["Statistical notice", 0],
  ])("%s → %i", (title, year) => expect(latestYear(title)).toBe(year));
});

describe("pickAttachment", () => {
  const item = {
    title: "Local authority collected waste management - annual results",
    base_path: "/government/statistics/lacw",
    public_updated_at: "2025-03-27T09:30:00.000+00:00",
    details: {
      attachments: [
        { attachment_type: "html", title: "LA and regional spreadsheet guide", url: "/guide" },
        file("LA and regional spreadsheet 2022-23", "LA_and_Regional_Spreadsheet_2022-23.ods"),
        file("LA and regional spreadsheet 2023-24", "LA_and_Regional_Spreadsheet_2023-24.ods"),
        file("LA and regional spreadsheet 2023-24 (CSV)", "LA_and_Regional_2023-24.csv"),
        file("ENV18 annual results tables 2023-24", "ENV18_2023-24.ods"),
      ],
    },
  };

  it("takes the newest file of the type that matches, with the page's date", () => {
    expect(pickAttachment(item, /la.and.regional/i, "ods")).toEqual({
      title: "LA and regional spreadsheet 2023-24",
      url: "https://assets.publishing.service.gov.uk/media/x/LA_and_Regional_Spreadsheet_2023-24.ods",
      publication: "Local authority collected waste management - annual results",
      page: "https://www.gov.uk/government/statistics/lacw",
      released: "2025-03-27T09:30:00.000+00:00",
    });
  });

  it("finds nothing when no attachment matches, or none is a file of that type", () => {
    expect(pickAttachment(item, /rdc0120/i, "ods")).toBeUndefined();
    expect(pickAttachment(item, /guide/i, "ods")).toBeUndefined();
    expect(pickAttachment({ details: {} }, /./, "ods")).toBeUndefined();
  });
});

describe("pickDocument", () => {
  it("takes the collection's newest publication whose title matches", () => {
    const collection = {
      links: {
        documents: [
          {
            title: "Local authority revenue expenditure and financing England: 2024 to 2025 budget",
            base_path: "/b2425",
          },
          {
            title:
              "Local authority revenue expenditure and financing England: 2022 to 2023 individual local authority data - outturn",
            base_path: "/o2223",
          },
          {
            title:
              "Local authority revenue expenditure and financing England: 2023 to 2024 individual local authority data - outturn",
            base_path: "/o2324",
          },
        ],
      },
    };
    expect(pickDocument(collection, /individual local authority data.*outturn/i)).toBe("/o2324");
    expect(pickDocument(collection, /nothing like this/)).toBeUndefined();
  });
});

describe("downloadNewest (stand-in GOV.UK and GitHub)", () => {
  let dir: string;
  let server: FixtureServer;
  const put = (path: string, body: string) => {
    const at = join(dir, path);
    mkdirSync(dirname(at), { recursive: true });
    writeFileSync(at, body);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "govuk-"));
    server = await startFixtureServer(dir);
    const rs = findPublisherSource("mhclg-revenue-outturn-rs")!;
    put(
      `api/content${rs.govuk!.path}.json`,
      JSON.stringify({
        title: "Local authority revenue expenditure and financing",
        links: {
          documents: [
            {
              title: "LA revenue expenditure 2023 to 2024 individual local authority data - outturn",
              base_path: "/government/statistics/o2324",
            },
          ],
        },
      }),
    );
    put(
      "api/content/government/statistics/o2324.json",
      JSON.stringify({
        title: "LA revenue expenditure 2023 to 2024 individual local authority data - outturn",
        base_path: "/government/statistics/o2324",
        public_updated_at: "2025-11-20T09:30:00.000+00:00",
        details: {
          attachments: [
            file(
              "Revenue Outturn Summary (RS) 2023 to 2024",
              "RS_2023-24.xlsx",
              `${server.url}/data/RS_2023-24.xlsx`,
            ),
          ],
        },
      }),
    );
    put("RS_2023-24.xlsx", "pretend workbook");
    // GitHub's API and raw files, under the stand-in's /data/.
    const sha = "a16c0a30523f8177354680ef547dd754260905f9";
    put(
      "repos/digital-land/performance/commits",
      JSON.stringify([{ sha, commit: { committer: { date: "2026-03-24T10:00:00Z" } } }]),
    );
    put(
      `digital-land/performance/${sha}/data/p153.csv`,
      readFileSync(fixture("p153", "p153-YE2025-12.csv"), "utf8"),
    );
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("follows a collection to its newest outturn publication and downloads its RS workbook", async () => {
    const got = await downloadNewest(findPublisherSource("mhclg-revenue-outturn-rs")!, {
      origin: server.url,
    });
    expect(got.release).toMatchObject({
      title: "Revenue Outturn Summary (RS) 2023 to 2024",
      publication: "LA revenue expenditure 2023 to 2024 individual local authority data - outturn",
      released: "2025-11-20T09:30:00.000+00:00",
    });
    expect(new TextDecoder().decode(got.file.body)).toBe("pretend workbook");
  });

  it("takes the P153 mirror's newest commit, and the 12 months it covers from the commit's date", async () => {
    const hosts = { githubApi: `${server.url}/data`, githubRaw: `${server.url}/data` };
    const got = await downloadNewest(findPublisherSource("mhclg-planning-p153")!, hosts);
    expect(got.period).toBe("YE2025-12");
    expect(got.release).toMatchObject({
      released: "2026-03-24T10:00:00Z",
      title: expect.stringMatching(/12 months ending 2025-12$/),
    });
    const rows = p153Reader.read(got.file.body, { period: got.period });
    expect(rows.find((o) => o.areacd === "E08000039")).toMatchObject({ areanm: "Sheffield", value: 88.7 });
  });

  it("says which page has no matching file", async () => {
    const page = { path: "/government/statistics/o2324", attachment: /la.and.regional/i, extension: "ods" };
    const error = await findRelease(page, { origin: server.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(/has no \.ods file matching la\.and\.regional/);
  });

  it("says when GOV.UK has no such page", async () => {
    const page = { path: "/government/statistics/gone", attachment: /x/, extension: "ods" };
    await expect(findRelease(page, { origin: server.url, attempts: 1 })).rejects.toThrow(/HTTP 404/);
  });
});

describe("the built-in publisher sources", () => {
  it("are the readers' sources, each with the same metrics as its reader", () => {
    expect(PUBLISHER_SOURCES.map((s) => [s.id, [...s.metrics]])).toEqual(
      PUBLISHER_READERS.map((r) => [r.id, [...r.metrics]]),
    );
  });
});
