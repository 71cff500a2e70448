// The council's value in every period, with its group's median and England's: lines with distinct dash
// patterns and markers as well as colours, better towards the top, and a label in words.
import { makeStyles, tokens } from "@fluentui/react-components";
import { periodLabel } from "../../core/periods.js";
import type { ProfileRow } from "../../core/profile.js";
import type { TrendPoint } from "./distribution.js";
import { formatNumber } from "./format.js";
import { CHART } from "./palette.js";
import { extent, linePath, linearScale, ticks, trendScale } from "./scales.js";

const useStyles = makeStyles({
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible" },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
    listStyle: "none",
    fontSize: tokens.fontSizeBase200,
  },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

const WIDTH = 320;
const HEIGHT = 170;
const LEFT = 44;
const RIGHT = 10;
const TOP = 8;
const BOTTOM = 140;

interface Series {
  key: "value" | "groupMedian" | "englandMedian";
  label: string;
  colour: string;
  dash?: string;
  width: number;
}

export function TrendChart({
  row,
  points,
  councilName,
  label,
  grouped,
}: {
  row: ProfileRow;
  points: readonly TrendPoint[];
  councilName: string;
  label: string;
  grouped: boolean;
}) {
  const styles = useStyles();
  const series: Series[] = [
    { key: "value", label: councilName, colour: CHART.council, width: 2.5 },
    ...(grouped
      ? [
          {
            key: "groupMedian",
            label: "Group median",
            colour: CHART.groupMedian,
            dash: "6 3",
            width: 2,
          } as Series,
        ]
      : []),
    { key: "englandMedian", label: "England median", colour: CHART.england, dash: "2 2", width: 2 },
  ];
  const domain = extent(points.flatMap((p) => series.map((s) => p[s.key])));
  if (!domain || !points.length) return null;
  const x = linearScale([0, Math.max(1, points.length - 1)], [LEFT, WIDTH - RIGHT]);
  const y = trendScale(domain, TOP, BOTTOM, row.polarity);
  const values = ticks(domain[0], domain[1], 4);
  const labelEvery = Math.max(1, Math.ceil(points.length / 3));
  return (
    <>
      <svg
        className={styles.svg}
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="xMidYMid meet"
        focusable="false"
      >
        <g fontSize={10} fill={CHART.text}>
          {values.map((v) => (
            <g key={v}>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} stroke="#e0e0e0" />
              <text x={LEFT - 4} y={y(v) + 3} textAnchor="end">
                {formatNumber(v, row.metric)}
              </text>
            </g>
          ))}
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={BOTTOM} y2={BOTTOM} stroke={CHART.axis} />
          {points.map((p, i) =>
            i % labelEvery === 0 || i === points.length - 1 ? (
              <text
                key={p.period}
                x={x(i)}
                y={BOTTOM + 14}
                textAnchor={i === 0 ? "start" : i === points.length - 1 ? "end" : "middle"}
              >
                {periodLabel(p.period)}
              </text>
            ) : null,
          )}
          {row.polarity !== "none" && (
            <text x={LEFT} y={BOTTOM + 28}>
              Better is higher up the chart{row.polarity === "lower" ? " (lower values)" : ""}
            </text>
          )}
        </g>
        {series.map((s) => (
          <g key={s.key}>
            <path
              d={linePath(points.map((p, i) => (p[s.key] === null ? null : { x: x(i), y: y(p[s.key]!) })))}
              fill="none"
              stroke={s.colour}
              strokeWidth={s.width}
              strokeDasharray={s.dash}
            />
            {s.key === "value" &&
              points.map((p, i) =>
                p.value === null ? null : (
                  <circle key={p.period} cx={x(i)} cy={y(p.value)} r={2.8} fill={s.colour} />
                ),
              )}
          </g>
        ))}
      </svg>
      <ul className={styles.legend} aria-label="Chart key">
        {series.map((s) => (
          <li key={s.key} className={styles.key}>
            <svg width="24" height="8" aria-hidden="true" focusable="false">
              <line
                x1="0"
                x2="24"
                y1="4"
                y2="4"
                stroke={s.colour}
                strokeWidth={s.width}
                strokeDasharray={s.dash}
              />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
    </>
  );
}
