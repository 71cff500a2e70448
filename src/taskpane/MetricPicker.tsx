// Choosing a metric, grouped by LADE's six domains, with what the pane knows about it underneath.
import { Caption1, Field, makeStyles, tokens } from "@fluentui/react-components";
import { CATALOGUE, findMetric } from "../core/catalogue/index.js";
import type { ReleaseInfo } from "../core/snapshot.js";
import { releaseLine } from "../excel/releaseText.js";
import { FitSelect } from "./FitSelect.js";
import { DOMAINS, POLARITY_WORDS } from "./labels.js";

const useStyles = makeStyles({
  details: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  caveats: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  unavailable: { color: tokens.colorNeutralForeground3 },
});

export interface MetricPickerProps {
  value: string;
  onChange: (metric: string) => void;
  /** Metrics in loaded data that the catalogue does not know (from sources the user added). */
  loadedOnly: readonly string[];
  /** Whether a catalogue metric has data to insert (the loaded data once loaded, else the built-in data). */
  available: (id: string) => boolean;
  /** The publisher's release of the chosen metric's values, once the data are loaded. */
  release?: ReleaseInfo;
}

/** Why a metric cannot be chosen, in words, shown beside it. */
export const UNAVAILABLE =
  "no data: no published all-council file was found for it; add one under Data to use it";

export function MetricPicker({ value, onChange, loadedOnly, available, release }: MetricPickerProps) {
  const styles = useStyles();
  const unavailable = CATALOGUE.filter((m) => !available(m.id));
  // The reason is the field's hint, so a screen reader reads it with the list as well as showing it.
  const hint = unavailable.length
    ? `Not available (${UNAVAILABLE}): ${unavailable.map((m) => m.name).join("; ")}.`
    : undefined;
  return (
    <>
      <Field label="Metric" hint={hint && <span className={styles.unavailable}>{hint}</span>}>
        <FitSelect value={value} onChange={(_e, d) => onChange(d.value)}>
          <option value="">Choose a metric…</option>
          {DOMAINS.map((domain) => (
            <optgroup key={domain.id} label={domain.label}>
              {CATALOGUE.filter((m) => m.domain === domain.id).map((m) => (
                <option key={m.id} value={m.id} disabled={!available(m.id)}>
                  {m.name}
                  {available(m.id) ? "" : " (no data)"}
                </option>
              ))}
            </optgroup>
          ))}
          {loadedOnly.length > 0 && (
            <optgroup label="Other loaded data">
              {loadedOnly.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </optgroup>
          )}
        </FitSelect>
      </Field>
      {value && <MetricDetails metric={value} release={release} />}
    </>
  );
}

function MetricDetails({ metric, release }: { metric: string; release?: ReleaseInfo }) {
  const styles = useStyles();
  const m = findMetric(metric);
  if (!m)
    return <Caption1>Loaded from a source you added: compared across all councils in the file.</Caption1>;
  return (
    <div className={styles.details} aria-label="About this metric">
      <Caption1>
        Unit: {m.unit}. {POLARITY_WORDS[m.polarity]}. Compared among: {m.population.description}.
      </Caption1>
      {release && <Caption1>{releaseLine(release)}</Caption1>}
      {(m.caveats.length > 0 || m.note) && (
        <ul className={styles.caveats}>
          {[...m.caveats, ...(m.note ? [m.note] : [])].map((c) => (
            <li key={c}>
              <Caption1>{c}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
