import type { Theme } from "./types.js";

/** A Best Value theme: what it is about and what failure looks like, in our words (check the guidance itself before quoting). */
export interface ThemeInfo {
  id: Theme;
  title: string;
  /** Where the guidance describes it. */
  section: string;
  characteristics: string;
  indicatorsOfFailure: string;
  /** How far published data can rate it, said to users beside the rating. */
  evidence: string;
}

const GUIDANCE =
  "Best value standards and intervention: a statutory guide for best value authorities (MHCLG, May 2024)";

/** The seven Best Value themes (statutory guidance, 2024), in the guidance's order. */
export const THEMES: readonly ThemeInfo[] = [
  {
    id: "continuous-improvement",
    title: "Continuous improvement",
    section: `${GUIDANCE}, theme 1`,
    characteristics:
      "A performance framework that uses data and benchmarking, invites external challenge such as peer review, and acts on audit and inspection findings.",
    indicatorsOfFailure:
      "No credible performance data; poor performance that persists without being addressed.",
    evidence: "Rated from the direction of travel of every published metric over its last three periods.",
  },
  {
    id: "leadership",
    title: "Leadership",
    section: `${GUIDANCE}, theme 2`,
    characteristics:
      "A shared vision for the area; stable statutory officers (head of paid service, chief finance officer, monitoring officer) whose advice is heard.",
    indicatorsOfFailure:
      "Statutory posts hard to fill permanently, high turnover, long interim arrangements.",
    evidence: "No national published data: rated only from evidence the council adds itself.",
  },
  {
    id: "governance",
    title: "Governance",
    section: `${GUIDANCE}, theme 3`,
    characteristics:
      "Scrutiny and audit that work; transparent decisions; an accurate annual governance statement.",
    indicatorsOfFailure:
      "Statutory recommendations, public interest reports, section 114 reports, Best Value notices or intervention.",
    evidence: "Published data cover little of it (planning appeals, where published): mostly local evidence.",
  },
  {
    id: "culture",
    title: "Culture",
    section: `${GUIDANCE}, theme 4`,
    characteristics: "Behaviour in the letter and spirit of the rules, one organisation, challenge welcomed.",
    indicatorsOfFailure: "Bullying, low morale, high staff turnover or sickness, bad news kept back.",
    evidence:
      "Only adult social care workforce turnover is published, and it has no polarity (context): local evidence.",
  },
  {
    id: "use-of-resources",
    title: "Use of resources",
    section: `${GUIDANCE}, theme 5`,
    characteristics:
      "Sound internal control and financial management (CIPFA's Financial Management Code, the prudential framework); the guidance asks councils to consider CIPFA's Financial Resilience Index.",
    indicatorsOfFailure:
      "Unbalanced budgets, reliance on reserves, low or falling reserves, high or rising debt, late or qualified accounts, section 114 notices or exceptional financial support.",
    evidence: "Reserves ratios from MHCLG Revenue Outturn; spending figures are context.",
  },
  {
    id: "service-delivery",
    title: "Service delivery",
    section: `${GUIDANCE}, theme 6`,
    characteristics:
      "Good outcomes at the best balance of cost and quality, benchmarked against comparable councils (for example with LADE's metrics).",
    indicatorsOfFailure:
      "Poor regulator judgements, poor performance against comparable councils, many complaints or ombudsman findings.",
    evidence: "The LADE metrics of the services the council provides.",
  },
  {
    id: "partnerships-and-community-engagement",
    title: "Partnerships and community engagement",
    section: `${GUIDANCE}, theme 7`,
    characteristics: "Collaboration with partners, statutory partnerships working, inclusive consultation.",
    indicatorsOfFailure: "Broken relationships with partners; poor or unlawful consultation.",
    evidence:
      "Few published proxies (adult skills participation, ease of finding information about care): mostly local evidence.",
  },
];

/** A theme by id or title, ignoring case and spaces ("Use of resources", "use-of-resources"). */
export function findTheme(text: string): ThemeInfo | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  return THEMES.find((t) => t.id === key || t.title.toLowerCase().replace(/\s+/g, "-") === key);
}
