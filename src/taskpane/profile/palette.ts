// Colours for bands, always shown with the band's words. Better/worse use a blue–orange diverging set that
// people with the common colour-vision deficiencies can still tell apart (blue better, orange worse);
// metrics with no better or worse use purple (higher) and grey (lower), so no colour suggests a judgement.
// Every chip's text has a contrast of at least 4.5:1 with its background (tested).
import type { Status } from "../../core/scoring.js";

export interface Swatch {
  background: string;
  foreground: string;
  border: string;
}

const DARK = "#1b1b1b";
const WHITE = "#ffffff";

const swatch = (background: string, foreground: string, border = background): Swatch => ({
  background,
  foreground,
  border,
});

export const BAND_SWATCHES: Readonly<Record<Status, Swatch>> = {
  // Blue–orange diverging (after ColorBrewer's colour-blind-safe PuOr/RdBu families)
  "much-better": swatch("#08457e", WHITE),
  better: swatch("#4a8fcc", DARK),
  "slightly-better": swatch("#c6dbef", DARK, "#6b9bc7"),
  similar: swatch("#f0f0f0", DARK, "#8a8a8a"),
  "slightly-worse": swatch("#fdd9b5", DARK, "#d08a45"),
  worse: swatch("#f08a24", DARK),
  "much-worse": swatch("#8f3b00", WHITE),
  // Neutral: purple for higher, grey for lower
  "much-higher": swatch("#3f2a73", WHITE),
  higher: swatch("#9585c9", DARK),
  "slightly-higher": swatch("#e2dcf2", DARK, "#9585c9"),
  "slightly-lower": swatch("#e3e3e3", DARK, "#8a8a8a"),
  lower: swatch("#a8a8a8", DARK),
  "much-lower": swatch("#4d4d4d", WHITE),
  // No band
  "not-compared": swatch(WHITE, "#424242", "#8a8a8a"),
  "no-score": swatch(WHITE, "#424242", "#8a8a8a"),
  missing: swatch(WHITE, "#424242", "#8a8a8a"),
};

/** Chart colours: lines and dots keep at least 3:1 against the white background (WCAG 1.4.11). */
export const CHART = {
  other: "#8a8a8a",
  group: "#242424",
  median: "#000000",
  groupMedian: "#b34700",
  england: "#5e5e5e",
  council: "#0a5fa8",
  spread: "#dbe7f3",
  spreadNeutral: "#e8e8e8",
  axis: "#616161",
  text: "#424242",
} as const;

/** Relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
