// Choosing a period: the latest (the default, so a refresh moves on to new data), all, or one period.
import { Field } from "@fluentui/react-components";
import { periodLabel } from "../core/periods.js";
import { FitSelect } from "./FitSelect.js";

export interface PeriodPickerProps {
  value: string;
  onChange: (period: string) => void;
  /** The metric's periods, oldest first; empty until the data is loaded. */
  periods: readonly string[];
  latest?: string;
}

export function PeriodPicker({ value, onChange, periods, latest }: PeriodPickerProps) {
  return (
    <Field label="Period" hint="Latest moves on to the newest period each time the table is refreshed.">
      <FitSelect value={value} onChange={(_e, d) => onChange(d.value)} disabled={!periods.length}>
        <option value="latest">Latest{latest ? ` (${periodLabel(latest)})` : ""}</option>
        <option value="all">All periods</option>
        {[...periods].reverse().map((p) => (
          <option key={p} value={p}>
            {periodLabel(p)}
          </option>
        ))}
      </FitSelect>
    </Field>
  );
}
