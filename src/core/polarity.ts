import type { Polarity } from "./model.js";

/** Reads the polarity words used by publishers: LADE `rank_order`, the shared metadata, or ours. */
export function parsePolarity(text: string | null | undefined): Polarity | undefined {
  const t = (text ?? "").trim().toLowerCase();
  if (t === "desc" || t === "higher" || t === "higher-is-better" || t === "high") return "higher";
  if (t === "asc" || t === "lower" || t === "lower-is-better" || t === "low") return "lower";
  if (t === "none" || t === "neutral" || t === "no-polarity") return "none";
  return undefined;
}
