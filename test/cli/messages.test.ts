// The command line's messages name metrics and councils by name (ids only where they are what to type),
// and a council outside a metric's population is told who provides the service, as BENCH.METRIC does.
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";

const ASC3 = "Ease of finding information about services: service users";

describe("cli score messages", () => {
  it("the README's example for one council prints that council's row", async () => {
    const { text } = await run(["score", "--metric", "ASC3", "--council", "Suffolk"]);
    const lines = text.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ASC3,2022-23,E10000029,Suffolk,/);
  });

  it("a district asked for adult social care is told that its county provides it, by name", async () => {
    const error = await run(["score", "--metric", "ASC3", "--council", "West Suffolk"]).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("UsageError"); // one line on stderr, exit code 2
    expect((error as Error).message).toBe(
      `"${ASC3}" does not apply to West Suffolk (district council: the service is provided by the county). ` +
        "Suffolk provides it for West Suffolk's area: use Suffolk instead",
    );
  });

  it("a metric with no published data is named and said to be unavailable, with what to do", async () => {
    await expect(run(["score", "--metric", "council-tax-collection-rate"])).rejects.toThrow(
      /^"Percentage of council tax collected in the year" has no data: no published all-council file was found for it\. To use it, add a file that has it/,
    );
    await expect(run(["score", "--metric", "council-tax-collection-rate"])).rejects.not.toThrow(
      /council-tax-collection-rate/,
    );
  });

  it("an unknown metric lists metrics by name with the id to type", async () => {
    await expect(run(["score", "--metric", "ASC33"])).rejects.toThrow(
      new RegExp(`^Unknown metric "ASC33"\\. Did you mean: .*${ASC3.replace(/[()]/g, "\\$&")} \\(ASC3\\)`),
    );
  });

  it("an unknown period names the metric", async () => {
    await expect(run(["score", "--metric", "ASC3", "--period", "1999"])).rejects.toThrow(
      `No period "1999" for "${ASC3}". Periods: 2015-16, `,
    );
  });
});
