// A band as a chip: its colour and always its words ("slightly worse"), never colour alone.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { findMetric } from "../../core/catalogue/index.js";
import { bandWords, type ProfileRow } from "../../core/profile.js";
import { BAND_SWATCHES } from "./palette.js";

const useStyles = makeStyles({
  chip: {
    display: "inline-block",
    borderRadius: tokens.borderRadiusCircular,
    border: "1px solid",
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
});

/** Whether a metric is a context figure that LADE never scored (reserves in £ thousand). */
export const isContextOnly = (metric: string): boolean => findMetric(metric)?.population.sets.length === 0;

/** The chip's words: the band, or why there is none. */
export function chipWords(row: ProfileRow): string {
  if (row.flags.includes("not-applicable")) return "not applicable";
  if (isContextOnly(row.metric)) return "context only";
  return bandWords(row.band);
}

export function BandChip({ row, className }: { row: ProfileRow; className?: string }) {
  const styles = useStyles();
  const s = BAND_SWATCHES[row.band];
  return (
    <span
      className={mergeClasses(styles.chip, className)}
      style={{ backgroundColor: s.background, color: s.foreground, borderColor: s.border }}
    >
      {chipWords(row)}
    </span>
  );
}
