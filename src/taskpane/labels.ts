// Words the pane shows for the catalogue's codes.
import type { Domain, Polarity } from "../core/model.js";
import type { GroupKind } from "../core/groups.js";

/** The six domains of LADE, in the order the pane lists them. */
export const DOMAINS: readonly { id: Domain; label: string }[] = [
  { id: "adult-skills", label: "Adult skills" },
  { id: "adult-social-care", label: "Adult social care" },
  { id: "finance", label: "Finance" },
  { id: "planning", label: "Planning" },
  { id: "roads", label: "Roads" },
  { id: "waste", label: "Waste" },
];

export const POLARITY_WORDS: Record<Polarity, string> = {
  higher: "Higher is better",
  lower: "Lower is better",
  none: "Context only: neither higher nor lower is better",
};

export const GROUP_KINDS: readonly { id: Exclude<GroupKind, "custom">; label: string }[] = [
  { id: "tier", label: "Same tier (as LADE compared)" },
  { id: "type", label: "Same type of council" },
  { id: "region", label: "Same region and tier" },
  { id: "nearest", label: "CIPFA nearest neighbours" },
];

export const FORMATS = [
  { id: "lade", label: "LADE export (Oflog Local Authority Data Explorer)" },
  { id: "els", label: "Explore Local Statistics CSV (ONS)" },
  { id: "tidy", label: "Tidy CSV (areacd, areanm, period, indicator, value)" },
  { id: "snapshot", label: "Snapshot JSON (this add-in's format)" },
] as const;
