// The colours of the bands, shared by the add-in's conditional formats and the .xlsx export.
import type { Band } from "./band.js";

export interface BandStyle {
  fill: string;
  font: string;
}

const DARK = "#000000";
const LIGHT = "#FFFFFF";

/**
 * Better and worse: ColorBrewer's 7-class RdBu (colour-blind safe), blue for better, red for worse.
 * No polarity: purples for higher, greys for lower, so nothing reads as good or bad. Text is black or
 * white, whichever gives at least 4.5:1 contrast (checked in test/excel/highlights.test.ts).
 */
export const BAND_STYLES: Readonly<Record<Band, BandStyle>> = {
  "much-better": { fill: "#2166AC", font: LIGHT },
  better: { fill: "#67A9CF", font: DARK },
  "slightly-better": { fill: "#D1E5F0", font: DARK },
  similar: { fill: "#F7F7F7", font: DARK },
  "slightly-worse": { fill: "#FDDBC7", font: DARK },
  worse: { fill: "#EF8A62", font: DARK },
  "much-worse": { fill: "#B2182B", font: LIGHT },
  "much-higher": { fill: "#54278F", font: LIGHT },
  higher: { fill: "#9E9AC8", font: DARK },
  "slightly-higher": { fill: "#DADAEB", font: DARK },
  "slightly-lower": { fill: "#E0E0E0", font: DARK },
  lower: { fill: "#969696", font: DARK },
  "much-lower": { fill: "#525252", font: LIGHT },
};
