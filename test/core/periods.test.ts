import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  directionOfTravel,
  periodId,
  periodLabel,
  sortPeriods,
} from "../../src/core/index.js";

describe("periods", () => {
  it("names financial and academic years alike", () => {
    expect(periodId("2023-08-01/P1Y")).toBe("2023-24");
    expect(periodId("2023/24")).toBe("2023-24");
    expect(periodId("2099-00")).toBe("2099-00");
    expect(periodId("1999-2000")).toBe("1999-00");
  });

  it("shows rolling windows as 12 months to a month", () => {
    expect(periodLabel("YE2025-03")).toBe("12 months to Mar 2025");
    expect(periodLabel("2023-24")).toBe("2023-24");
  });

  it("sorts in time order across shapes", () => {
    expect(sortPeriods(["YE2025-06", "2024-25", "2010-11", "YE2024-09", "2009-10", "YE2025-03"])).toEqual([
      "2009-10",
      "2010-11",
      "YE2024-09",
      "2024-25",
      "YE2025-03",
      "YE2025-06",
    ]);
    expect(comparePeriods("2019-20", "2020-21")).toBeLessThan(0);
  });
});

describe("direction of travel", () => {
  it("follows polarity", () => {
    expect(directionOfTravel(40, 42, "higher")?.direction).toBe("improving");
    expect(directionOfTravel(40, 42, "lower")?.direction).toBe("worsening");
    expect(directionOfTravel(40, 38, "none")?.direction).toBe("decreasing");
    expect(directionOfTravel(40, 40, "higher")?.direction).toBe("no-change");
    expect(directionOfTravel(null, 40, "higher")).toBeNull();
  });
});
