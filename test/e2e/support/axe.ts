// Accessibility checks with axe-core: run axe on the page as it is now, against the WCAG 2.x A and AA rules,
// and fail on any violation whose impact is serious or critical (printing each, with the elements and how to
// fix them). Moderate and minor ones are printed but do not fail. Call it once per state worth checking:
//
//   await expectNoSeriousViolations(page, "metric chosen");
//
// Wait for the state to have settled first (the element you expect is visible, loading has finished).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const FAILING_IMPACTS = new Set(["serious", "critical"]);

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;
export type AxeViolation = AxeResults["violations"][number];

export interface AxeOptions {
  /** CSS selectors of the only parts to check (default: the whole page). */
  include?: string[];
  /** CSS selectors of parts to leave out. */
  exclude?: string[];
  /** Rule ids to switch off, each with the reason in a comment at the call. */
  disableRules?: string[];
}

/** Every WCAG A/AA violation axe finds on the page now. */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  return (await builder.analyze()).violations;
}

/** One violation, its help page and each element it was found on, for a failure message or the log. */
export function describeViolation(v: AxeViolation): string {
  const nodes = v.nodes.map((n) => {
    const html = n.html.length > 200 ? `${n.html.slice(0, 200)}…` : n.html;
    const why = (n.failureSummary ?? "").replace(/\s*\n\s*/g, " ").trim();
    return `    at ${n.target.join(" ")}\n      ${html}\n      ${why}`;
  });
  return [`  [${v.impact ?? "unknown"}] ${v.id}: ${v.help} (${v.helpUrl})`, ...nodes].join("\n");
}

/** Fails (listing them) when axe finds a serious or critical WCAG A/AA violation; `label` names the state. */
export async function expectNoSeriousViolations(
  page: Page,
  label: string,
  options?: AxeOptions,
): Promise<void> {
  const violations = await axeViolations(page, options);
  const failing = violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ""));
  const other = violations.filter((v) => !failing.includes(v));
  if (other.length) {
    console.warn(
      `axe, ${label}: ${other.length} moderate or minor violation(s):\n${other.map(describeViolation).join("\n")}`,
    );
  }
  if (failing.length) {
    console.error(
      `axe, ${label}: ${failing.length} serious or critical violation(s):\n${failing.map(describeViolation).join("\n")}`,
    );
  }
  expect(
    failing.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe found serious or critical violations in "${label}":\n${failing.map(describeViolation).join("\n")}`,
  ).toEqual([]);
}
