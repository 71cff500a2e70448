// Where the data comes from: add a publisher's file or a snapshot file, and see every publisher and licence.
import { Button, Caption1, Field, Input, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { Add20Regular } from "@fluentui/react-icons/svg/add";
import { useState, type ChangeEvent } from "react";
import { findMetric } from "../core/catalogue/index.js";
import type { SourceFormat } from "../sources/index.js";
import { describeError } from "../excel/errors.js";
import type { BenchmarkWorkbook, DataSession } from "../excel/index.js";
import { AttributionList } from "./AttributionList.js";
import { FORMATS } from "./labels.js";
import type { NoticeMessage } from "./Notice.js";
import type { Data } from "./useData.js";
import { FitSelect } from "./FitSelect.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface DataSectionProps {
  data: Data;
  workbook?: () => Promise<BenchmarkWorkbook>;
  notify: (notice: NoticeMessage | undefined) => void;
}

/** "2 metrics (Household waste recycling rate; …)": catalogue metrics by name, others by the file's id. */
const metricWords = (metrics: string[]) => {
  const names = metrics.slice(0, 5).map((id) => findMetric(id)?.name ?? id);
  return `${metrics.length} ${metrics.length === 1 ? "metric" : "metrics"} (${names.join("; ")}${metrics.length > 5 ? "; …" : ""})`;
};

export function DataSection({ data, workbook, notify }: DataSectionProps) {
  const styles = useStyles();
  const [url, setUrl] = useState("");
  const [format, setFormat] = useState<SourceFormat>("tidy");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);

  /** Runs a change to the data and says how it went. */
  const change = async (work: (session: DataSession) => Promise<string>) => {
    notify(undefined);
    setBusy(true);
    try {
      const session = await data.ensure();
      if (!session) return;
      notify({ intent: "success", text: await work(session) });
      data.changed();
    } catch (e) {
      notify({ intent: "error", title: "The data was not added", text: describeError(e) });
    } finally {
      setBusy(false);
    }
  };

  const addSource = () =>
    change(async (session) => {
      const input = { url, format, name: name || undefined };
      const added = await (workbook ? (await workbook()).addSource(input) : session.addSource(input));
      setUrl("");
      setName("");
      return `Added ${added.source.name}: ${metricWords(added.metrics)}. Choose it under Metric.`;
    });

  const loadFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // picking the same file again loads it again
    if (!file) return;
    void change(async (session) => {
      const text = await file.text();
      const loaded = await (workbook
        ? (await workbook()).loadSnapshotFile(text, file.name)
        : session.loadSnapshotFile(text, file.name));
      return `Loaded ${file.name}: ${metricWords(loaded.metrics)}.`;
    });
  };

  return (
    <section className={styles.root} aria-labelledby="data-heading">
      <Subtitle1 as="h2" id="data-heading">
        Data
      </Subtitle1>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void addSource();
        }}
      >
        <Field label="Add a published file (https address)" hint="Fetched through the add-in's data proxy.">
          <Input type="url" value={url} placeholder="https://…" onChange={(_e, d) => setUrl(d.value)} />
        </Field>
        <Field label="Its format">
          <FitSelect value={format} onChange={(_e, d) => setFormat(d.value as SourceFormat)}>
            {FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </FitSelect>
        </Field>
        <Field label="Name (optional)">
          <Input value={name} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <Button type="submit" icon={<Add20Regular />} disabled={!url.trim() || busy}>
          Add source
        </Button>
      </form>
      {/* A native input is not one of Fluent's: Field hands it the ids that tie it to the label and hint. */}
      <Field label="Load a snapshot file" hint="A .json snapshot saved by this add-in or its command line.">
        {(fieldProps) => (
          <input
            {...fieldProps}
            type="file"
            accept=".json,application/json"
            onChange={loadFile}
            disabled={busy}
          />
        )}
      </Field>
      <AttributionList data={data} />
      <Caption1>
        Values are as published; check each publisher&apos;s terms before sharing them further.
      </Caption1>
    </section>
  );
}
