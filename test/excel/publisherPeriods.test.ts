// One year's RS workbook replaces that year only: the other years of the finance metrics stay as they were.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPublisherSource } from "../../src/sources/publishers.js";
import { sharedFile } from "../support/paths.js";
import { openSession, PUBLISHER, startPublisher, type Publisher } from "./harness.js";

const RS = findPublisherSource("mhclg-revenue-outturn-rs")!;
const METRIC = "non-ringfenced-reserves-pct-net-revenue-expenditure";
let publisher: Publisher;

beforeAll(async () => {
  publisher = await startPublisher();
  publisher.publish(
    "RS_2022-23.xlsx",
    new Uint8Array(readFileSync(sharedFile("publisher-files", "mhclg-rs-2022-23.xlsx"))),
  );
  publisher.describe(RS.govuk!.path, {
    title: "Local authority revenue expenditure and financing",
    links: {
      documents: [{ title: "2022 to 2023 individual local authority data - outturn", base_path: "/o2223" }],
    },
  });
  publisher.describe("/o2223", {
    title:
      "Local authority revenue expenditure and financing England: 2022 to 2023 individual local authority data - outturn",
    base_path: "/o2223",
    public_updated_at: "2024-07-08T09:30:00.000+01:00",
    details: {
      attachments: [
        {
          attachment_type: "file",
          title: "Revenue Outturn Summary (RS) 2022 to 2023",
          filename: "RS_2022-23.xlsx",
          url: `${PUBLISHER}/data/RS_2022-23.xlsx`,
        },
      ],
    },
  });
});
afterAll(() => publisher.close());

describe("a refresh from MHCLG's RS workbook", () => {
  it("replaces 2022-23 and keeps every other year", async () => {
    const session = await openSession(publisher);
    const before = [...session.benchmarks.data.all()].filter((o) => o.metric === METRIC);
    const source = session.sourceOf(METRIC);
    expect(source.id).toBe("mhclg-revenue-outturn-rs");

    session.refreshFrom(source, await session.fetch(source));

    const after = [...session.benchmarks.data.all()].filter((o) => o.metric === METRIC);
    const key = (o: { period: string; areacd: string; value: number | null }) =>
      `${o.period} ${o.areacd} ${o.value}`;
    // The same values everywhere (the file is the release the shipped 2022-23 came from)…
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    expect(new Set(after.map((o) => o.period)).size).toBe(9); // 2015-16 to 2023-24
    // …and the marker of a council that had not sent its return is now kept.
    expect(after.find((o) => o.period === "2022-23" && o.areacd === "E08000025")).toMatchObject({
      value: null,
      missing: "[x]",
    });
    expect(session.releaseOf(METRIC)).toMatchObject({
      title: "Revenue Outturn Summary (RS) 2022 to 2023",
      released: "2024-07-08T09:30:00.000+01:00",
    });
    expect(session.attributionOf(METRIC)).toMatch(
      /Release: Revenue Outturn Summary \(RS\) 2022 to 2023, published 8 Jul 2024; checked /,
    );
  });
});
