// Every metric of the council's profile, by domain: value, band chip, rank, recent trend and a strip
// chart (loaded lazily). Each metric's name is a button that opens its detail.
import { Caption1, Link, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, type ReactNode } from "react";
import type { Benchmarks } from "../../core/benchmarks.js";
import type { CouncilProfile, ProfileRow } from "../../core/profile.js";
import { rankText } from "../../core/profile.js";
import { DOMAINS } from "../labels.js";
import { BandChip, isContextOnly } from "./BandChip.js";
import { formatValue, trendArrow } from "./format.js";
import { StripChart } from "./lazy.js";
import { CHART } from "./palette.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  key: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    gap: `0 ${tokens.spacingHorizontalM}`,
    alignItems: "center",
  },
  keyItem: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  domain: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  name: { textAlign: "start", fontWeight: tokens.fontWeightSemibold },
  facts: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: `0 ${tokens.spacingHorizontalS}` },
  value: { fontWeight: tokens.fontWeightSemibold },
  chart: { minHeight: "28px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground3 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ProfileListProps {
  profile: CouncilProfile;
  benchmarks: Benchmarks;
  group: string;
  onOpen: (metric: string) => void;
  /** Keeps each metric's button, so focus can return to it from the detail. */
  registerRow: (metric: string, element: HTMLElement | null) => void;
}

/** Whether the row has a strip chart: the council is compared on it and has a value. */
export const hasChart = (row: ProfileRow) =>
  !row.flags.includes("not-applicable") && !isContextOnly(row.metric) && row.value !== null;

export function ProfileList({ profile, benchmarks, group, onOpen, registerRow }: ProfileListProps) {
  const styles = useStyles();
  const name = profile.council.shortName;
  return (
    <div className={styles.root}>
      <Caption1>
        Band: {name} against England&apos;s councils that provide the service (LADE&apos;s MAD score). Rank:
        within {profile.comparison}, 1 the best. Choose a metric&apos;s name for its detail.
      </Caption1>
      <ChartKey grouped={!!group} councilName={name} />
      {domainsInOrder(profile).map(({ domain, rows }) => {
        return (
          <section key={domain.id} className={styles.domain} aria-labelledby={`profile-domain-${domain.id}`}>
            <Subtitle2 as="h3" id={`profile-domain-${domain.id}`}>
              {domain.label}
            </Subtitle2>
            <ul className={styles.list}>
              {rows.map((row) => (
                <MetricRow
                  key={row.metric}
                  row={row}
                  benchmarks={benchmarks}
                  profile={profile}
                  group={group}
                  onOpen={onOpen}
                  registerRow={registerRow}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function MetricRow({
  row,
  benchmarks,
  profile,
  group,
  onOpen,
  registerRow,
}: Omit<ProfileListProps, "profile"> & { row: ProfileRow; profile: CouncilProfile }) {
  const styles = useStyles();
  const notApplicable = row.flags.includes("not-applicable");
  const factsId = `profile-facts-${row.metric}`;
  return (
    <li className={styles.row} data-metric={row.metric}>
      <Link
        as="button"
        className={styles.name}
        ref={(el: HTMLElement | null) => registerRow(row.metric, el)}
        aria-describedby={factsId}
        onClick={() => onOpen(row.metric)}
      >
        {row.metricName}
      </Link>
      <div className={styles.facts} id={factsId}>
        <span className={styles.value}>{formatValue(row.value, row.metric, row.unit)}</span>
        <BandChip row={row} />
        {!notApplicable && <Caption1>{row.rank === null ? rankText(row) : `Rank ${rankText(row)}`}</Caption1>}
        {row.trend && (
          <Caption1>
            <span aria-hidden="true">{trendArrow(row.trend)}</span> {row.trend}
          </Caption1>
        )}
      </div>
      {hasChart(row) && (
        <div className={styles.chart}>
          <Suspense fallback={null}>
            <StripChart benchmarks={benchmarks} row={row} council={profile.council} group={group} />
          </Suspense>
        </div>
      )}
      {notApplicable && row.note && <Caption1 className={styles.muted}>{row.note}</Caption1>}
      {row.flags.includes("small-comparison") && (
        <Caption1 className={styles.warning}>
          Small comparison: only {row.compared} {row.compared === 1 ? "council has" : "councils have"} a
          value, so the rank and scores are fragile.
        </Caption1>
      )}
      {row.flags.includes("early-warning") && (
        <Caption1 className={styles.warning}>
          Early warning: much worse than the median, or worse in each of the last three periods.
        </Caption1>
      )}
    </li>
  );
}

/**
 * The domains with their rows, LADE's order, except that domains where no metric applies to the council
 * (adult social care for a district) come last: what the council does comes first.
 */
export function domainsInOrder(profile: CouncilProfile) {
  const all = DOMAINS.map((domain) => ({ domain, rows: profile.rows.filter((r) => r.domain === domain.id) }));
  const applies = (d: (typeof all)[number]) => d.rows.some((r) => !r.flags.includes("not-applicable"));
  return [
    ...all.filter((d) => d.rows.length && applies(d)),
    ...all.filter((d) => d.rows.length && !applies(d)),
  ];
}

/** What the chart's marks mean, drawn with the same marks. */
function ChartKey({ grouped, councilName }: { grouped: boolean; councilName: string }) {
  const styles = useStyles();
  const mark = (child: ReactNode) => (
    <svg width="16" height="12" aria-hidden="true" focusable="false">
      {child}
    </svg>
  );
  return (
    <ul className={styles.key} aria-label="Chart key">
      <li className={styles.keyItem}>
        {mark(<circle cx="8" cy="6" r="4.5" fill="#ffffff" stroke="#000000" strokeWidth="2" />)}
        <Caption1>{councilName}</Caption1>
      </li>
      {grouped && (
        <li className={styles.keyItem}>
          {mark(<circle cx="8" cy="6" r="3.4" fill={CHART.group} />)}
          <Caption1>group</Caption1>
        </li>
      )}
      <li className={styles.keyItem}>
        {mark(<circle cx="8" cy="6" r="2.2" fill={CHART.other} />)}
        <Caption1>other councils</Caption1>
      </li>
      <li className={styles.keyItem}>
        {mark(<line x1="8" x2="8" y1="0" y2="12" stroke={CHART.median} strokeWidth="1.5" />)}
        <Caption1>median</Caption1>
      </li>
      {grouped && (
        <li className={styles.keyItem}>
          {mark(
            <line
              x1="8"
              x2="8"
              y1="0"
              y2="12"
              stroke={CHART.groupMedian}
              strokeWidth="1.5"
              strokeDasharray="3 2"
            />,
          )}
          <Caption1>group median</Caption1>
        </li>
      )}
      <li className={styles.keyItem}>
        {mark(<rect x="0" y="0" width="16" height="12" fill={CHART.spread} />)}
        <Caption1>±1 MAD</Caption1>
      </li>
      <li className={styles.keyItem}>
        <Caption1>better →</Caption1>
      </li>
    </ul>
  );
}
