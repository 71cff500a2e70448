// Where the council stands: every council of the comparison a dot, the median a line, ±1 MAD shaded, the
// council a larger outlined dot, its comparator group darker; better always to the right. The chart is
// an image with a label saying the same in words; the detail view adds a table of the numbers.
import { makeStyles } from "@fluentui/react-components";
import type { Benchmarks } from "../../core/benchmarks.js";
import type { Council } from "../../core/model.js";
import type { ProfileRow } from "../../core/profile.js";
import { distributionOf, type Distribution } from "./distribution.js";
import { formatNumber } from "./format.js";
import { BAND_SWATCHES, CHART } from "./palette.js";
import { clamp, jitter, robustExtent, stripScale, ticks } from "./scales.js";
import { stripSummary } from "./textAlternatives.js";

const useStyles = makeStyles({
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible" },
});

export interface StripChartProps {
  benchmarks: Benchmarks;
  row: ProfileRow;
  council: Council;
  /** The comparator group ("" for none). */
  group: string;
  size?: "small" | "large";
}

const WIDTH = 320;
const PAD = 10;

export function StripChart({ benchmarks, row, council, group, size = "small" }: StripChartProps) {
  const styles = useStyles();
  const d = distributionOf(benchmarks, row.metric, row.period, council, group);
  if (!d || !d.points.length) return null;
  const label = stripSummary(row, council.shortName, d, !!group);
  return (
    <svg
      className={styles.svg}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${size === "large" ? 118 : 34}`}
      preserveAspectRatio="xMidYMid meet"
      focusable="false"
    >
      <Plot d={d} row={row} grouped={!!group} large={size === "large"} />
    </svg>
  );
}

function Plot({
  d,
  row,
  grouped,
  large,
}: {
  d: Distribution;
  row: ProfileRow;
  grouped: boolean;
  large: boolean;
}) {
  const top = 3;
  const bottom = large ? 74 : 31;
  const mid = (top + bottom) / 2;
  const spreadHeight = bottom - top - 10;
  const domain = robustExtent(
    d.points.map((p) => p.value),
    [
      d.mine?.value,
      d.median,
      d.mad === null ? null : d.median - d.mad,
      d.mad === null ? null : d.median + d.mad,
      d.groupMedian,
    ],
  )!;
  const scale = stripScale(domain, PAD, WIDTH - PAD, d.polarity);
  // Councils beyond the range shown sit at its edge.
  const x = (v: number) => clamp(scale(v), PAD - 4, WIDTH - PAD + 4);
  const others = d.points.filter((p) => !p.mine && !(grouped && p.inGroup));
  const members = grouped ? d.points.filter((p) => !p.mine && p.inGroup) : [];
  const mine = d.mine;
  const swatch = BAND_SWATCHES[row.band];
  const judged = d.polarity !== "none";
  return (
    <>
      {d.mad !== null && d.mad > 0 && (
        <rect
          x={Math.min(x(d.median - d.mad), x(d.median + d.mad))}
          y={top}
          width={Math.abs(x(d.median + d.mad) - x(d.median - d.mad))}
          height={bottom - top}
          fill={judged ? CHART.spread : CHART.spreadNeutral}
        />
      )}
      {others.map((p, i) => (
        <circle key={p.code} cx={x(p.value)} cy={mid + jitter(i, spreadHeight)} r={2.2} fill={CHART.other} />
      ))}
      {members.map((p, i) => (
        <circle
          key={p.code}
          cx={x(p.value)}
          cy={mid + jitter(i + 7, spreadHeight)}
          r={3.4}
          fill={CHART.group}
        />
      ))}
      <line
        x1={x(d.median)}
        x2={x(d.median)}
        y1={top - 2}
        y2={bottom + 2}
        stroke={CHART.median}
        strokeWidth={1.5}
      />
      {d.groupMedian !== undefined && (
        <line
          x1={x(d.groupMedian)}
          x2={x(d.groupMedian)}
          y1={top - 2}
          y2={bottom + 2}
          stroke={CHART.groupMedian}
          strokeWidth={1.5}
          strokeDasharray="3 2"
        />
      )}
      {mine && (
        <circle
          cx={x(mine.value)}
          cy={mid}
          r={large ? 7 : 5.5}
          fill={swatch.background}
          stroke="#000000"
          strokeWidth={2}
        />
      )}
      {large && <Axis x={x} domain={domain} row={row} y={bottom + 6} />}
    </>
  );
}

function Axis({
  x,
  domain,
  row,
  y,
}: {
  x: (v: number) => number;
  domain: [number, number];
  row: ProfileRow;
  y: number;
}) {
  const values = ticks(domain[0], domain[1], 4);
  const judged = row.polarity !== "none";
  return (
    <g fontSize={10} fill={CHART.text}>
      <line x1={PAD} x2={WIDTH - PAD} y1={y} y2={y} stroke={CHART.axis} />
      {values.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={y} y2={y + 4} stroke={CHART.axis} />
          <text x={x(v)} y={y + 15} textAnchor="middle">
            {formatNumber(v, row.metric)}
          </text>
        </g>
      ))}
      <text x={PAD} y={y + 32}>
        {judged ? "← worse" : "← lower"}
      </text>
      <text x={WIDTH - PAD} y={y + 32} textAnchor="end">
        {judged ? "better →" : "higher →"}
      </text>
    </g>
  );
}
