// One metric of the profile in full: where the council stands among all councils compared, its trend
// over every period with its group's and England's medians, the definition, caveats, source, and the
// councils to learn from. Loaded on first use. Escape or Back returns to the list.
import {
  Body1,
  Button,
  Caption1,
  Link,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { ArrowLeft20Regular } from "@fluentui/react-icons/svg/arrow-left";
import type { ReleaseInfo } from "../../core/snapshot.js";
import { releaseLine } from "../../excel/releaseText.js";
import { Suspense, useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import type { Benchmarks } from "../../core/benchmarks.js";
import { findMetric } from "../../core/catalogue/index.js";
import type { Council, Polarity } from "../../core/model.js";
import { periodLabel } from "../../core/periods.js";
import { bandWords, type ProfileRow } from "../../core/profile.js";
import { flagWords } from "../../core/profileTable.js";
import { POLARITY_WORDS } from "../labels.js";
import { BandChip, chipWords } from "./BandChip.js";
import { distributionOf, trendOf, type DistributionPoint } from "./distribution.js";
import { formatValue, trendArrow, unitWords } from "./format.js";
import { StripChart } from "./lazy.js";
import { rankPhrase, trendSummary } from "./textAlternatives.js";
import { TrendChart } from "./TrendChart.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: {
    ...typographyStyles.subtitle1,
    margin: 0,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  back: { alignSelf: "flex-start" },
  part: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  facts: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  scroll: {
    maxHeight: "280px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  number: { textAlign: "right" },
  mine: { fontWeight: tokens.fontWeightBold, backgroundColor: tokens.colorNeutralBackground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  terms: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    margin: 0,
    "& dt": { fontWeight: tokens.fontWeightSemibold },
    "& dd": { margin: 0 },
  },
  summary: { cursor: "pointer" },
});

export interface MetricDetailProps {
  benchmarks: Benchmarks;
  council: Council;
  /** The comparator group ("" for LADE's comparison). */
  group: string;
  /** The comparison's name, as the profile gives it. */
  comparison: string;
  row: ProfileRow;
  onBack: () => void;
  /** The publisher's release of the metric's values in use, when known. */
  release?: ReleaseInfo;
}

const adjusted = (v: number, polarity: Polarity) => (polarity === "lower" ? -v : v);

export function MetricDetail({
  benchmarks,
  council,
  group,
  comparison,
  row,
  onBack,
  release,
}: MetricDetailProps) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  const metric = findMetric(row.metric);
  const v = (x: number | null | undefined) => formatValue(x, row.metric, row.unit);
  const grouped = !!group;
  const distribution = useMemo(
    () => distributionOf(benchmarks, row.metric, row.period, council, group),
    [benchmarks, row, council, group],
  );
  const trend = useMemo(
    () => trendOf(benchmarks, row.metric, council, group),
    [benchmarks, row, council, group],
  );

  useEffect(() => heading.current?.focus(), []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onBack();
    }
  };

  const shown = useMemo(() => {
    const points = (distribution?.points ?? []).filter((p) => !grouped || p.inGroup);
    return [...points].sort(
      (a, b) =>
        adjusted(b.value, row.polarity) - adjusted(a.value, row.polarity) || a.name.localeCompare(b.name),
    );
  }, [distribution, grouped, row.polarity]);
  const ranks = useMemo(() => rankOf(shown, row.polarity), [shown, row.polarity]);

  return (
    <section className={styles.root} aria-labelledby="metric-detail-heading" onKeyDown={onKeyDown}>
      <Button className={styles.back} icon={<ArrowLeft20Regular />} onClick={onBack}>
        Back to the profile
      </Button>
      <h3 id="metric-detail-heading" className={styles.heading} tabIndex={-1} ref={heading}>
        {row.metricName}
      </h3>
      <div className={styles.facts}>
        <Body1>
          {council.shortName}: {v(row.value)} in {periodLabel(row.period)}
        </Body1>
        <BandChip row={row} />
        {row.trend && (
          <Caption1>
            <span aria-hidden="true">{trendArrow(row.trend)} </span>
            {row.trend}
          </Caption1>
        )}
      </div>
      <Caption1>
        {chipWords(row) === bandWords(row.band) && row.score !== null
          ? `Compared with England's councils that provide the service (median ${v(row.englandMedian)}): ${bandWords(row.band)}. `
          : ""}
        {row.polarity === "none" ? "" : `Rank ${rankPhrase(row, grouped)}. `}
        {flagWords(row) ? `${capitalise(flagWords(row))}.` : ""}
      </Caption1>

      {distribution && (
        <div className={styles.part}>
          <Subtitle2 as="h4">Where {council.shortName} stands</Subtitle2>
          <Caption1>
            Each dot is a council compared on this metric; the line is the median and the shaded band ±1 MAD
            around it{grouped ? "; dark dots are the group, the dashed line its median" : ""}.{" "}
            {council.shortName} is the large outlined dot.{" "}
            {row.polarity === "none" ? "Higher values are to the right." : "Better is always to the right."}
          </Caption1>
          <Suspense fallback={<Caption1>Drawing the chart…</Caption1>}>
            <StripChart benchmarks={benchmarks} row={row} council={council} group={group} size="large" />
          </Suspense>
          <details>
            <summary className={styles.summary}>
              <Caption1>
                The numbers: {grouped ? comparison : "every council compared"} ({shown.length})
              </Caption1>
            </summary>
            <div
              className={styles.scroll}
              tabIndex={0}
              role="region"
              aria-label={`Values of ${grouped ? comparison : "every council compared"}`}
            >
              <Table
                size="extra-small"
                aria-label={`${row.metricName}: ${grouped ? comparison : "every council compared"}`}
              >
                <TableHeader>
                  <TableRow>
                    {row.polarity !== "none" && <TableHeaderCell>Rank</TableHeaderCell>}
                    <TableHeaderCell>Council</TableHeaderCell>
                    <TableHeaderCell>Value</TableHeaderCell>
                    <TableHeaderCell>Band (England)</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shown.map((p, i) => (
                    <TableRow key={p.code} className={p.mine ? styles.mine : undefined}>
                      {row.polarity !== "none" && <TableCell>{ranks[i]}</TableCell>}
                      <TableCell>{p.mine ? `${p.name} (this council)` : p.name}</TableCell>
                      <TableCell className={styles.number}>{v(p.value)}</TableCell>
                      <TableCell>{bandWords(p.band)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </details>
        </div>
      )}

      {trend.some((p) => p.value !== null) && (
        <div className={styles.part}>
          <Subtitle2 as="h4">Trend over every period</Subtitle2>
          <TrendChart
            row={row}
            points={trend}
            councilName={council.shortName}
            grouped={grouped}
            label={trendSummary(row, council.shortName, trend, grouped)}
          />
          <details>
            <summary className={styles.summary}>
              <Caption1>The numbers by period ({trend.length})</Caption1>
            </summary>
            <div className={styles.scroll} tabIndex={0} role="region" aria-label="Values by period">
              <Table size="extra-small" aria-label={`${row.metricName} by period`}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Period</TableHeaderCell>
                    <TableHeaderCell>{council.shortName}</TableHeaderCell>
                    {grouped && <TableHeaderCell>Group median</TableHeaderCell>}
                    <TableHeaderCell>England median</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {[...trend].reverse().map((p) => (
                    <TableRow key={p.period}>
                      <TableCell>{periodLabel(p.period)}</TableCell>
                      <TableCell className={styles.number}>{v(p.value)}</TableCell>
                      {grouped && <TableCell className={styles.number}>{v(p.groupMedian)}</TableCell>}
                      <TableCell className={styles.number}>{v(p.englandMedian)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </details>
        </div>
      )}

      <div className={styles.part}>
        <Subtitle2 as="h4">Definition</Subtitle2>
        <dl className={styles.terms}>
          <dt>Measure</dt>
          <dd>{row.metricName}</dd>
          <dt>Unit</dt>
          <dd>{unitWords(row.unit)}</dd>
          <dt>Better</dt>
          <dd>{POLARITY_WORDS[row.polarity]}</dd>
          {metric && (
            <>
              <dt>Compared among</dt>
              <dd>{metric.population.description}</dd>
            </>
          )}
          <dt>Comparison</dt>
          <dd>{comparison}</dd>
          <dt>Period</dt>
          <dd>{periodLabel(row.period)}</dd>
        </dl>
      </div>

      {(row.caveats.length > 0 || row.note) && (
        <div className={styles.part}>
          <Subtitle2 as="h4">Caveats</Subtitle2>
          <ul className={styles.list}>
            {row.note && (
              <li>
                <Caption1>{row.note}</Caption1>
              </li>
            )}
            {row.caveats.map((c) => (
              <li key={c}>
                <Caption1>{c}</Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}

      {metric && (
        <div className={styles.part}>
          <Subtitle2 as="h4">Source</Subtitle2>
          <Caption1>
            {metric.publisher}: {metric.publication}. {metric.licence}.
          </Caption1>
          {release && <Caption1>{releaseLine(release)}</Caption1>}
          <Link href={metric.publisherUrl} target="_blank" rel="noopener noreferrer">
            The publisher&apos;s page for this data (opens in a new tab)
          </Link>
        </div>
      )}

      {row.learnFrom.length > 0 && (
        <div className={styles.part}>
          <Subtitle2 as="h4">Who to learn from</Subtitle2>
          <Caption1>
            The best {row.learnFrom.length} other councils in {comparison}:
          </Caption1>
          <ol className={styles.list}>
            {row.learnFrom.map((l) => (
              <li key={l.code}>
                <Caption1>
                  {l.name}: {v(l.value)}
                </Caption1>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

/** Ranks of points sorted best first: ties share the better rank, as the profile ranks. */
function rankOf(sorted: readonly DistributionPoint[], polarity: Polarity): number[] {
  const out: number[] = [];
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    out.push(prev && adjusted(prev.value, polarity) === adjusted(p.value, polarity) ? out[i - 1] : i + 1);
  });
  return out;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
