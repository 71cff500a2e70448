// A benchmark table shown in the pane (the preview page has no workbook to write it into).
import {
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { BenchmarkTable } from "../core/table.js";
import { formatCell } from "./formatCell.js";

const MAX_ROWS = 400;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  scroll: {
    maxHeight: "420px",
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    // It takes the keyboard focus (to scroll with the arrow keys), so show where the focus is.
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  // Wider than a task pane: the box scrolls sideways rather than squeezing ten columns together.
  table: { minWidth: "820px" },
  number: { textAlign: "right" },
});

export interface PreviewTableProps {
  table: BenchmarkTable;
}

export function PreviewTable({ table }: PreviewTableProps) {
  const styles = useStyles();
  const shown = table.rows.slice(0, MAX_ROWS);
  return (
    <section className={styles.root} aria-label="Table preview">
      <Subtitle2 as="h3">{table.title}</Subtitle2>
      <Caption1>{table.attribution}</Caption1>
      {table.caveats.map((c) => (
        <Caption1 key={c}>{c}</Caption1>
      ))}
      {/* A scrolling box must be reachable by keyboard (WCAG 2.1.1), and named for what it holds. */}
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={`Rows of ${table.title}`}>
        <Table size="extra-small" className={styles.table} aria-label={table.title}>
          <TableHeader>
            <TableRow>
              {table.columns.map((c) => (
                <TableHeaderCell key={c.name}>{c.name}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row, i) => (
              <TableRow key={i}>
                {row.map((value, j) => (
                  <TableCell
                    key={j}
                    className={table.columns[j].kind === "number" ? styles.number : undefined}
                  >
                    {formatCell(value, table.columns[j])}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Caption1>
        {table.rows.length > MAX_ROWS
          ? `Showing the first ${MAX_ROWS} of ${table.rows.length.toLocaleString("en-GB")} rows.`
          : `${table.rows.length.toLocaleString("en-GB")} rows.`}{" "}
        Open the add-in in Excel to insert it as a table you can refresh.
      </Caption1>
    </section>
  );
}
