// A published file cut off part-way through a row (a dropped download with no Content-Length to check, a
// copy saved half-written) is refused as one, not loaded as a shorter table. Cut from the real files.
import { readFileSync } from "node:fs";
import { csvParseRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { FormatError, parseFile } from "../../src/core/parsers/index.js";
import type { FileFormat } from "../../src/core/parsers/types.js";
import { sharedFile } from "../support/paths.js";

const FILES: [string, FileFormat][] = [
  ["oflog-lade-asc1-4.csv", "lade"],
  ["ons-els/further-education-and-skills-learner-achievements.csv", "els"],
  ["roads/a-roads-maintenance-should-be-considered.csv", "tidy"],
];

/** The text up to the third comma of the line at about `share` of the file: the row has 3 fields. */
function cutMidRow(text: string, share: number): { text: string; line: number; fields: number } {
  const lineStart = text.lastIndexOf("\n", Math.floor(text.length * share)) + 1;
  let at = lineStart;
  for (let k = 0; k < 3; k++) at = text.indexOf(",", at) + 1;
  const cut = text.slice(0, at - 1);
  const rows = csvParseRows(cut.replace(/^\uFEFF/, ""));
  return { text: cut, line: cut.split("\n").length, fields: rows[rows.length - 1].length };
}

function refusal(text: string, format: FileFormat): string {
  try {
    parseFile(text, format);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return (e as Error).message;
  }
  throw new Error("the file was read");
}

describe("a file that ends part-way through a row", () => {
  it.each(FILES)(
    "%s cut mid-row is refused, naming the line and saying it may be cut off",
    (name, format) => {
      const whole = readFileSync(sharedFile(name), "utf8");
      expect(() => parseFile(whole, format)).not.toThrow();
      const header = csvParseRows(whole.replace(/^\uFEFF/, ""))[0].length;
      const cut = cutMidRow(whole, 0.4);
      expect(cut.fields).toBe(3);
      const expected =
        `Line ${cut.line}: 3 fields where the header has ${header} — the file ends part-way through ` +
        "this row, so it may have been cut off";
      expect(refusal(cut.text, format)).toBe(expected);
      // A line break (or blank lines) after the cut changes nothing: it is still the file's last row.
      expect(refusal(cut.text + "\n", format)).toBe(expected);
      expect(refusal(cut.text + "\r\n\r\n", format)).toBe(expected);
    },
  );

  it("a row with one field, its first cut short, is refused too", () => {
    const text = "areacd,areanm,period,indicator,value\nE07000245,West Suffolk,2023-24,x,10\nE0700";
    expect(refusal(text, "tidy")).toMatch(/^Line 3: 1 field where the header has 5 — .*cut off$/);
  });

  it("a short row before the end keeps the plain message: the file did not end there", () => {
    const whole = readFileSync(sharedFile("roads/a-roads-maintenance-should-be-considered.csv"), "utf8");
    const cut = cutMidRow(whole, 0.4);
    const rest = whole.slice(cut.text.length);
    const damaged = cut.text + rest.slice(rest.indexOf("\n"));
    const message = refusal(damaged, "tidy");
    expect(message).toBe(`Line ${cut.line}: 3 fields where the header has 5`);
  });

  it("a last row with too many fields is not called cut off", () => {
    const text = "areacd,areanm,period,indicator,value\nE07000245,West Suffolk,2023-24,x,10,11";
    expect(refusal(text, "tidy")).toBe("Line 2: 6 fields where the header has 5");
  });
});
