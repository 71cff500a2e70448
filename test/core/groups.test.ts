import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { CIPFA_JSON, COUNCILS_CSV, COUNCILS_OUT, NEAREST_OUT } from "../../scripts/generate-reference.js";
import { CouncilDirectory } from "../../src/core/councils.js";
import {
  type ComparatorGroup,
  type GroupError,
  GROUP_KINDS,
  describeGroup,
  isGroupError,
  parseNearestNeighbours,
  resolveGroup,
} from "../../src/core/groups.js";

const directory = CouncilDirectory.fromJson(JSON.parse(readFileSync(COUNCILS_OUT, "utf8")));
const nearest = parseNearestNeighbours(JSON.parse(readFileSync(NEAREST_OUT, "utf8")));
const cipfa: Record<string, string[]> = JSON.parse(readFileSync(CIPFA_JSON, "utf8"));
const rows = csvParse(readFileSync(COUNCILS_CSV, "utf8")).filter((r) => r.nation === "England");

const SUFFOLK = "E10000029";
const WEST_SUFFOLK = "E07000245";

function group(
  council: string,
  kind: (typeof GROUP_KINDS)[number],
  custom?: { name: string; members: string[] },
) {
  const g = resolveGroup(directory, nearest, council, kind, custom);
  if (isGroupError(g)) throw new Error(g.error);
  return g;
}

/** Current codes of councils of these mySociety types, straight from the CSV. */
function currentOfTypes(types: string[], region?: string): string[] {
  return rows
    .filter((r) => r["current-authority"] === "True" && types.includes(r["local-authority-type"]!))
    .filter((r) => region === undefined || r.region === region)
    .map((r) => r["gss-code"]!)
    .sort();
}

/** Current successors of a code, following replaced-by in the CSV. */
function forward(code: string): string[] {
  const row = rows.find((r) => r["gss-code"] === code);
  if (!row || row["current-authority"] === "True") return [code];
  return row["replaced-by"]!.split(",").flatMap((letters) => {
    const next = rows.find((r) => r["local-authority-code"] === letters.trim())!;
    return forward(next["gss-code"]!);
  });
}

const UPPER_AND_SINGLE = ["CTY", "UA", "MD", "LBO", "CC"];

describe("tier groups", () => {
  it("a district is compared with all districts, including districts since abolished", () => {
    const g = group(WEST_SUFFOLK, "tier");
    expect(g.councils).toEqual(currentOfTypes(["NMD"]));
    expect(g.councils).toHaveLength(164);
    expect(g.members).toEqual(expect.arrayContaining(["E07000201", "E07000204", "E07000165"])); // Forest Heath, St Edmundsbury, Harrogate
    expect(g.members).not.toContain(SUFFOLK);
    expect(g.members).not.toContain("E10000023");
    expect(g.members.every((c) => c.startsWith("E07"))).toBe(true);
  });

  it("a county is compared with all upper-tier and single-tier councils, as LADE compared them", () => {
    const g = group(SUFFOLK, "tier");
    expect(g.councils).toEqual(currentOfTypes(UPPER_AND_SINGLE));
    expect(g.councils).toHaveLength(153);
    expect(g.members).toEqual(expect.arrayContaining(["E10000023", "E10000006", "E10000021", "E06000028"]));
    expect(g.members.some((c) => c.startsWith("E07"))).toBe(false);
    expect(g.description).toMatch(/as LADE compared them/);
  });
});

describe("type groups", () => {
  it("Suffolk: county councils, with abolished counties' codes", () => {
    const g = group(SUFFOLK, "type");
    expect(g.councils).toEqual(currentOfTypes(["CTY"]));
    expect(g.members).toEqual(expect.arrayContaining(["E10000023", "E10000027", "E10000006", "E10000002"]));
    expect(g.members).not.toContain("E06000065"); // North Yorkshire is now a unitary
  });

  it("West Suffolk: non-metropolitan districts", () => {
    const g = group(WEST_SUFFOLK, "type");
    expect(g.councils).toEqual(currentOfTypes(["NMD"]));
    expect(g.name).toBe("District councils");
  });

  it("North Yorkshire: unitary authorities, without the abolished county's code", () => {
    const g = group("E06000065", "type");
    expect(g.councils).toEqual(currentOfTypes(["UA"]));
    expect(g.members).toEqual(expect.arrayContaining(["E06000028", "E06000029", "E06000048"])); // Bournemouth, Poole, Northumberland's old code
    expect(g.members).not.toContain("E10000023");
  });
});

describe("region groups", () => {
  it("Suffolk: upper-tier and single-tier councils in the East of England", () => {
    const g = group(SUFFOLK, "region");
    expect(g.councils).toEqual(currentOfTypes(UPPER_AND_SINGLE, "East of England"));
    expect(g.councils).toContain("E06000055"); // Bedford
    expect(g.councils).not.toContain(WEST_SUFFOLK);
    expect(g.name).toBe("East of England upper-tier councils");
  });

  it("West Suffolk: districts in the East of England, with their predecessors", () => {
    const g = group(WEST_SUFFOLK, "region");
    expect(g.councils).toEqual(currentOfTypes(["NMD"], "East of England"));
    expect(g.members).toEqual(expect.arrayContaining(["E07000201", "E07000204", "E07000205", "E07000206"]));
    expect(g.members).not.toContain("E07000165"); // Harrogate is in Yorkshire
  });
});

describe("nearest neighbour groups", () => {
  it("Suffolk: CIPFA's list for E10000029, abolished neighbours mapped to their successors", () => {
    const published = [...new Set(cipfa[SUFFOLK])];
    expect(published).toHaveLength(16);
    const g = group(SUFFOLK, "nearest");
    expect(g.councils).toEqual([...new Set(published.flatMap(forward))].sort());
    expect(g.members).toEqual([...new Set([...published, ...published.flatMap(forward)])].sort());
    expect(published).toContain("E10000023"); // North Yorkshire County...
    expect(g.councils).toContain("E06000065"); // ... is now North Yorkshire Council
    expect(g.councils).toContain(SUFFOLK);
  });

  it("West Suffolk: its own list, with its predecessors' codes", () => {
    const published = [...new Set(cipfa[WEST_SUFFOLK])];
    const g = group(WEST_SUFFOLK, "nearest");
    expect(g.members).toEqual(expect.arrayContaining(published));
    expect(g.members).toEqual(expect.arrayContaining(["E07000201", "E07000204"]));
    expect(g.councils).toEqual([...new Set(published.flatMap(forward))].sort());
    expect(g.councils).toContain("E06000066"); // South Somerset (E07000189) is now Somerset
  });

  it("new unitaries use their county's list", () => {
    const ny = group("E06000065", "nearest");
    expect(ny.members).toEqual(expect.arrayContaining(cipfa["E10000023"]));
    expect(ny.councils).toContain("E06000065");
    expect(ny.councils).not.toContain("E10000023");
    expect(ny.description).toMatch(/predecessor .*E10000023/);
    const cumberland = group("Cumberland", "nearest");
    expect(cumberland.members).toEqual(expect.arrayContaining(cipfa["E10000006"]));
    expect(cumberland.councils).toEqual(expect.arrayContaining(["E06000063", "E06000064"]));
    expect(group("Somerset", "nearest").members).toEqual(expect.arrayContaining(cipfa["E10000027"]));
  });

  it("an abolished district from older data uses its successor's list", () => {
    const older = directory.withAreas([{ code: "E07000201", name: "Forest Heath" }]);
    const g = resolveGroup(older, nearest, "Forest Heath", "nearest") as ComparatorGroup;
    expect(g.council).toBe("E07000201");
    expect(g.members).toEqual(expect.arrayContaining([...cipfa[WEST_SUFFOLK], "E07000201"]));
    expect(g.description).toMatch(/successor West Suffolk E07000245/);
  });

  it("says so when CIPFA publishes no list", () => {
    const empty = resolveGroup(directory, {}, SUFFOLK, "nearest") as GroupError;
    expect(empty.error).toMatch(/no nearest neighbours for Suffolk/);
  });
});

describe("custom groups", () => {
  it("resolves members by name, ignoring case and council-type words", () => {
    const g = group(SUFFOLK, "custom", {
      name: "Eastern counties",
      members: ["Norfolk", "ESSEX COUNTY COUNCIL", "cambridgeshire", ""],
    });
    expect(g.name).toBe("Eastern counties");
    expect(g.councils).toEqual(["E10000003", "E10000012", "E10000020", SUFFOLK]);
  });

  it("names every member it cannot find", () => {
    const r = resolveGroup(directory, nearest, SUFFOLK, "custom", {
      name: "Typos",
      members: ["Norfolk", "Narfolk", "Qwxyz"],
    });
    expect(isGroupError(r)).toBe(true);
    const error = (r as GroupError).error;
    expect(error).toMatch(/^Custom group "Typos"/);
    expect(error).toMatch(/"Narfolk".*Did you mean .*Norfolk/);
    expect(error).toMatch(/"Qwxyz"/);
    expect(error).not.toMatch(/"Norfolk"/);
  });

  it("needs a group", () => {
    expect(resolveGroup(directory, nearest, SUFFOLK, "custom")).toEqual({
      error: expect.stringMatching(/custom/),
    });
  });
});

describe("any group", () => {
  it("every kind resolves for both councils and includes the council itself", () => {
    expect(GROUP_KINDS).toEqual(["tier", "type", "region", "nearest", "custom"]);
    for (const code of [SUFFOLK, WEST_SUFFOLK]) {
      for (const kind of GROUP_KINDS) {
        const g = group(code, kind, { name: "Mine", members: ["Ipswich"] });
        expect(g.kind).toBe(kind);
        expect(g.council).toBe(code);
        expect(g.councils, `${code} ${kind}`).toContain(code);
        expect(g.members).toEqual(expect.arrayContaining(g.councils));
        expect(g.members).toEqual([...new Set(g.members)].sort());
      }
    }
  });

  it("reports an unknown council", () => {
    expect(resolveGroup(directory, nearest, "Atlantis", "tier")).toEqual({
      error: expect.stringContaining('"Atlantis"'),
    });
  });

  it("describes a group in one line", () => {
    expect(describeGroup(group(SUFFOLK, "nearest"))).toMatch(
      /^CIPFA nearest neighbours of Suffolk: 16 councils\. CIPFA nearest neighbours model for Suffolk County Council/,
    );
  });

  it("rejects a malformed nearest-neighbours file", () => {
    expect(() => parseNearestNeighbours({ source: "s", licence: "l", groups: { E1: "E2" } })).toThrow(
      /groups\.E1/,
    );
  });
});
