import type { Theme } from "./types.js";

/** The seven Best Value themes (statutory guidance, 2024), in the guidance's order, with their titles. */
export const THEMES: readonly { id: Theme; title: string }[] = [
  { id: "continuous-improvement", title: "Continuous improvement" },
  { id: "leadership", title: "Leadership" },
  { id: "governance", title: "Governance" },
  { id: "culture", title: "Culture" },
  { id: "use-of-resources", title: "Use of resources" },
  { id: "service-delivery", title: "Service delivery" },
  { id: "partnerships-and-community-engagement", title: "Partnerships and community engagement" },
];
