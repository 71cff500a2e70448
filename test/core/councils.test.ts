import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import {
  COUNCILS_CSV,
  COUNCILS_OUT,
  NEAREST_OUT,
  generateReference,
} from "../../scripts/generate-reference.js";
import { CouncilDirectory } from "../../src/core/councils.js";
import { nameSimilarity, normaliseName } from "../../src/core/names.js";

const councilsText = readFileSync(COUNCILS_OUT, "utf8");
const directory = CouncilDirectory.fromJson(JSON.parse(councilsText));
const rows = csvParse(readFileSync(COUNCILS_CSV, "utf8")).filter((r) => r.nation === "England");

const codeOf = (q: string) => directory.find(q)?.code;
const predecessorsOf = (code: string) => directory.byCode(code)?.predecessors;

describe("generated reference files", () => {
  it("data/councils.json and data/nearest-neighbours.json are what the generator produces now", () => {
    const generated = generateReference();
    expect(councilsText).toBe(generated.councils);
    expect(readFileSync(NEAREST_OUT, "utf8")).toBe(generated.nearest);
  });

  it("is small and credits mySociety", () => {
    expect(councilsText.length).toBeLessThan(100_000);
    const json = JSON.parse(councilsText);
    expect(json.source).toMatch(/mySociety/);
    expect(json.licence).toMatch(/CC BY 4\.0/);
  });

  it("holds every current English council of the benchmarked types, sorted by code", () => {
    const types = new Set(["NMD", "UA", "MD", "LBO", "CTY", "CC"]);
    const expected = rows
      .filter((r) => r["current-authority"] === "True" && types.has(r["local-authority-type"]!))
      .map((r) => r["gss-code"]!)
      .sort();
    const codes = directory.all().map((c) => c.code);
    expect(codes).toEqual(expected);
    expect(codes.length).toBe(317);
    expect(codes).toContain("E09000001"); // City of London
    expect(codes).toContain("E06000053"); // Isles of Scilly
    expect(codes).not.toContain("E61000001"); // Greater London Authority
    expect(codes.some((c) => c.startsWith("E47"))).toBe(false); // combined authorities
  });

  it("gives each type its LADE tier", () => {
    const tierOf = (code: string) => directory.byCode(code)?.tier;
    expect(tierOf("E07000245")).toBe("lower"); // West Suffolk, NMD
    expect(tierOf("E10000029")).toBe("upper"); // Suffolk, CTY
    expect(tierOf("E06000065")).toBe("single"); // North Yorkshire, UA
    expect(tierOf("E08000013")).toBe("single"); // St Helens, MD
    expect(tierOf("E09000002")).toBe("single"); // Barking and Dagenham, LBO
    expect(tierOf("E09000001")).toBe("single"); // City of London, CC
    for (const c of directory.all()) {
      expect(c.tier, c.code).toBe(c.type === "NMD" ? "lower" : c.type === "CTY" ? "upper" : "single");
    }
  });
});

describe("normaliseName", () => {
  it("ignores case, punctuation and council-type words", () => {
    const key = normaliseName("St Helens");
    expect(key).toBe("st helens");
    for (const s of [
      "st. helens",
      "ST HELENS",
      "St Helens Borough Council",
      "St. Helens Council",
      "Saint Helens",
    ]) {
      expect(normaliseName(s), s).toBe(key);
    }
    expect(normaliseName("King's Lynn & West Norfolk")).toBe(
      normaliseName("Borough Council of Kings Lynn and West Norfolk"),
    );
    expect(normaliseName("Stoke-on-Trent City Council")).toBe("stoke on trent");
    expect(normaliseName("The Royal Borough of Windsor and Maidenhead")).toBe("windsor and maidenhead");
    expect(normaliseName("London Borough of Barking and Dagenham")).toBe("barking and dagenham");
  });

  it("keeps the City of London apart from London, and handles 'X, City of'", () => {
    expect(normaliseName("City of London")).toBe("city of london");
    expect(normaliseName("City of London Corporation")).toBe("city of london");
    expect(normaliseName("Bristol, City of")).toBe("bristol");
    expect(normaliseName("City of Bristol")).toBe("bristol");
    expect(normaliseName("Herefordshire, County of")).toBe("herefordshire");
  });

  it("scores similar names higher than different ones", () => {
    expect(nameSimilarity("st helens", "st helens")).toBe(1);
    expect(nameSimilarity("st helms", "st helens")).toBeGreaterThan(nameSimilarity("st helms", "suffolk"));
  });

  it("gives no two current councils the same key", () => {
    const seen = new Map<string, string>();
    for (const c of directory.all()) {
      for (const key of new Set([normaliseName(c.name), normaliseName(c.shortName)])) {
        expect(seen.get(key) ?? c.code, `${key}: ${seen.get(key)} and ${c.code}`).toBe(c.code);
        seen.set(key, c.code);
      }
    }
  });
});

describe("CouncilDirectory lookups", () => {
  it("finds by code, in any case", () => {
    expect(directory.byCode("E08000013")?.shortName).toBe("St. Helens");
    expect(directory.find("e08000013")?.code).toBe("E08000013");
    expect(directory.byCode("E99999999")).toBeUndefined();
  });

  it("finds by name with case and punctuation variants", () => {
    for (const q of [
      "St Helens",
      "st. helens",
      "ST HELENS",
      "St Helens Borough Council",
      " St. Helens Council ",
    ]) {
      expect(codeOf(q), q).toBe("E08000013");
    }
  });

  it("finds Bristol and the City of London however they are written", () => {
    for (const q of [
      "Bristol",
      "Bristol, City of",
      "City of Bristol",
      "Bristol City Council",
      "bristol ua",
    ]) {
      expect(codeOf(q), q).toBe("E06000023");
    }
    for (const q of ["City of London", "City of London Corporation", "city of london"]) {
      expect(codeOf(q), q).toBe("E09000001");
    }
    expect(directory.find("London")).toBeUndefined();
  });

  it("finds by other names mySociety lists", () => {
    expect(codeOf("Shepway District Council")).toBe("E07000112"); // Folkestone and Hythe's old name
    expect(codeOf("Kingston upon Hull, City of")).toBe("E06000010");
    expect(codeOf("County Durham")).toBe(codeOf("Durham County Council"));
  });

  it("explains an unknown name and suggests close names", () => {
    const r = directory.findOrExplain("St Helms");
    expect(r).toEqual({ error: expect.stringContaining('"St Helms"') });
    expect("error" in r && r.error).toMatch(/Did you mean .*St\. Helens/);
    const none = directory.findOrExplain("Qwxyz");
    expect("error" in none && none.error).toBe('No council called "Qwxyz"');
    expect(directory.findOrExplain("  ")).toEqual({ error: "No council given" });
    expect(directory.findOrExplain("E99999999")).toEqual({ error: expect.stringContaining("E99999999") });
  });

  it("quotes at most 60 characters of a pasted name, however it is spelt", () => {
    // Emoji take two UTF-16 units each: the cap must count what is shown, and never split a pair.
    for (const pasted of ["x".repeat(100_000), "😀".repeat(50_000), `a${"😀".repeat(300)}`]) {
      const r = directory.findOrExplain(pasted);
      const error = "error" in r ? r.error : "";
      expect(error.startsWith("No council called")).toBe(true);
      expect(error.length).toBeLessThan(90);
      expect(error.endsWith('…"')).toBe(true);
      expect(error).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});

describe("predecessors", () => {
  it("North Yorkshire replaced the county and its seven districts", () => {
    expect(predecessorsOf("E06000065")).toEqual([
      "E07000163", // Craven
      "E07000164", // Hambleton
      "E07000165", // Harrogate
      "E07000166", // Richmondshire
      "E07000167", // Ryedale
      "E07000168", // Scarborough
      "E07000169", // Selby
      "E10000023", // North Yorkshire County
    ]);
  });

  it("Somerset includes the councils Somerset West and Taunton replaced", () => {
    expect(predecessorsOf("E06000066")).toEqual([
      "E07000187", // Mendip
      "E07000188", // Sedgemoor
      "E07000189", // South Somerset
      "E07000190", // Taunton Deane, via Somerset West and Taunton
      "E07000191", // West Somerset, via Somerset West and Taunton
      "E07000246", // Somerset West and Taunton
      "E10000027", // Somerset County
    ]);
  });

  it("Cumbria is a predecessor of both Cumberland and Westmorland and Furness", () => {
    expect(predecessorsOf("E06000063")).toEqual(["E07000026", "E07000028", "E07000029", "E10000006"]);
    expect(predecessorsOf("E06000064")).toEqual(["E07000027", "E07000030", "E07000031", "E10000006"]);
  });

  it("West Suffolk, East Hertfordshire (recoded) and the 2019-2021 unitaries", () => {
    expect(predecessorsOf("E07000245")).toEqual(["E07000201", "E07000204"]);
    expect(predecessorsOf("E07000242")).toEqual(["E07000097"]);
    expect(predecessorsOf("E06000060")).toContain("E10000002"); // Buckinghamshire
    expect(predecessorsOf("E06000061")).toContain("E10000021"); // North Northamptonshire
    expect(predecessorsOf("E06000062")).toContain("E10000021"); // West Northamptonshire
    expect(predecessorsOf("E06000058")).toEqual(["E06000028", "E06000029", "E07000048"]); // BCP
  });

  it("every abolished English council is a predecessor of each council that replaced it (from the CSV)", () => {
    const byLetters = new Map(rows.map((r) => [r["local-authority-code"]!, r]));
    // Follow replaced-by until current councils, independently of the generator.
    const currentSuccessors = (letters: string): string[] => {
      const row = byLetters.get(letters)!;
      if (row["current-authority"] === "True") return [row["gss-code"]!];
      return row["replaced-by"]!.split(",").flatMap((s) => currentSuccessors(s.trim()));
    };
    let checked = 0;
    const expected = new Map<string, Set<string>>();
    for (const r of rows) {
      if (r["current-authority"] === "True" || !r["replaced-by"]) continue;
      for (const successor of currentSuccessors(r["local-authority-code"]!)) {
        expect(predecessorsOf(successor), `${r["official-name"]} → ${successor}`).toContain(r["gss-code"]);
        expected.set(successor, (expected.get(successor) ?? new Set()).add(r["gss-code"]!));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(45);
    // ... and nothing else is a predecessor, apart from former codes of the same council.
    for (const c of directory.all()) {
      const row = rows.find((r) => r["gss-code"] === c.code)!;
      const former = row["former-gss-codes"]!.split(",").filter(Boolean);
      expect([...c.predecessors].sort(), c.code).toEqual([...(expected.get(c.code) ?? []), ...former].sort());
    }
  });
});

describe("abolished councils' codes", () => {
  it("resolve to a single successor, or to none when there are several", () => {
    expect(directory.byCode("E07000201")?.code).toBe("E07000245"); // Forest Heath → West Suffolk
    expect(directory.byCode("E10000023")?.code).toBe("E06000065");
    expect(directory.byCode("E10000006")).toBeUndefined();
    expect(directory.successorsOf("E10000006").map((c) => c.code)).toEqual(["E06000063", "E06000064"]);
    expect(directory.successorsOf("E07000245").map((c) => c.code)).toEqual(["E07000245"]);
    const r = directory.findOrExplain("E10000006");
    expect("error" in r && r.error).toMatch(/Cumberland.*Westmorland and Furness/);
  });

  it("codesIncludingPredecessors joins older data", () => {
    expect(directory.codesIncludingPredecessors("E07000245")).toEqual([
      "E07000245",
      "E07000201",
      "E07000204",
    ]);
    expect(directory.codesIncludingPredecessors("E10000029")).toEqual(["E10000029"]);
  });
});

describe("withAreas", () => {
  it("lets names from older data resolve, with tier and region", () => {
    expect(directory.find("Forest Heath")).toBeUndefined();
    const extended = directory.withAreas([
      { code: "E07000201", name: "Forest Heath" },
      { code: "E10000006", name: "Cumbria" },
      { code: "E12000006", name: "East of England" }, // a region, not a council
    ]);
    expect(extended.find("Forest Heath")).toEqual({
      code: "E07000201",
      name: "Forest Heath",
      shortName: "Forest Heath",
      type: "NMD",
      tier: "lower",
      region: "East of England",
      predecessors: [],
    });
    expect(extended.byCode("E07000201")?.name).toBe("Forest Heath");
    expect(extended.find("Cumbria County Council")?.tier).toBe("upper");
    expect(extended.find("East of England")).toBeUndefined();
    expect(extended.areas().map((a) => a.code)).toEqual(["E07000201", "E10000006"]);
    expect(directory.areas()).toEqual([]); // the original is unchanged
  });

  it("treats a recoded or continuing council as the current one, and adds data names as other names", () => {
    const extended = directory.withAreas([
      { code: "E07000097", name: "East Hertfordshire" },
      { code: "E10000023", name: "North Yorkshire" },
      { code: "E08000013", name: "St Helens MBC" },
    ]);
    expect(extended.areas()).toEqual([]);
    expect(extended.byCode("E07000097")?.code).toBe("E07000242");
    expect(extended.byCode("E10000023")?.code).toBe("E06000065");
    expect(extended.find("St Helens MBC")?.code).toBe("E08000013");
    expect(directory.find("St Helens MBC")).toBeUndefined();
  });
});

describe("CouncilDirectory.fromJson validation", () => {
  const good = JSON.parse(councilsText);
  it("names the bad field", () => {
    const bad = structuredClone(good);
    bad.councils[3].tier = "middle";
    expect(() => CouncilDirectory.fromJson(bad)).toThrow(/councils\[3\]\.tier/);
    const noCode = structuredClone(good);
    delete noCode.councils[0].code;
    expect(() => CouncilDirectory.fromJson(noCode)).toThrow(/councils\[0\]\.code/);
    expect(() => CouncilDirectory.fromJson({ source: "x", licence: "y" })).toThrow(/councils/);
    expect(() => CouncilDirectory.fromJson(null)).toThrow(/councils\.json/);
  });

  it("rejects a council listed twice", () => {
    const twice = structuredClone(good);
    twice.councils.push(twice.councils[0]);
    expect(() => CouncilDirectory.fromJson(twice)).toThrow(/E06000001 is listed twice/);
  });
});
