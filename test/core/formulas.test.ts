import { describe, expect, it } from "vitest";
import { columnLetters, rangeRefs, scoreFormulas, tableRefs } from "../../src/core/formulas.js";

describe("scoreFormulas", () => {
  it("reads the table's own columns by name (structured references)", () => {
    const f = scoreFormulas("lower", tableRefs("Bench_recycling"));
    // Only numeric values of the row's own period and comparison count; k = INT((n + 1) / 2).
    const same =
      "((Bench_recycling[Period]=[@Period])*(Bench_recycling[Compared among]=[@[Compared among]])" +
      "*ISNUMBER(Bench_recycling[Value]))";
    const k = `INT((SUMPRODUCT(${same.slice(1, -1)})+1)/2)`;
    expect(f.median).toBe(
      `=IF([@[Compared among]]="","",IFERROR((AGGREGATE(15,6,Bench_recycling[Value]/${same},${k})` +
        `+AGGREGATE(14,6,Bench_recycling[Value]/${same},${k}))/2,""))`,
    );
    // No MEDIAN over a range anywhere: MEDIAN(ABS(range - median)) would count blanks as 0.
    expect(Object.values(f).join("")).not.toContain("MEDIAN(");
    expect(f.score).toBe(
      '=IF(AND(ISNUMBER([@Value]),ISNUMBER([@MAD])),IF([@MAD]=0,"",([@Value]-[@Median])/[@MAD]),"")',
    );
    // Lower is better: the sign flips before banding.
    expect(f.band).toContain('IF(-[@[MAD score]]>=3,"much-better",IF(-[@[MAD score]]>=1.5,"better"');
    expect(f.outlier).toBe('=IF(ISNUMBER([@[MAD score]]),ABS([@[MAD score]])>=7.5,"")');
  });

  it("uses neutral words for metrics with no polarity", () => {
    const f = scoreFormulas("none", tableRefs("T"));
    expect(f.band).toContain('"much-higher"');
    expect(f.band).not.toContain("better");
  });

  it("renders A1 ranges for a sheet without a table", () => {
    const cols = { Period: 2, "Compared among": 10, Value: 3, Median: 4, MAD: 5, "MAD score": 6 };
    const f = scoreFormulas("higher", rangeRefs(cols, 5, 400, 7));
    const same = "(($C$5:$C$400=C7)*($K$5:$K$400=K7)*ISNUMBER($D$5:$D$400))";
    const k = `INT((SUMPRODUCT(${same.slice(1, -1)})+1)/2)`;
    expect(f.mad).toBe(
      `=IF(ISNUMBER(E7),(AGGREGATE(15,6,ABS($D$5:$D$400-E7)/${same},${k})` +
        `+AGGREGATE(14,6,ABS($D$5:$D$400-E7)/${same},${k}))/2,"")`,
    );
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
  });
});
