// Choosing what a table shows and inserting it: into the workbook in Excel, into the pane on the preview page.
import { Button, Checkbox, Spinner, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { TableAdd20Regular } from "@fluentui/react-icons/svg/table-add";
import { useState } from "react";
import { findMetric } from "../core/catalogue/index.js";
import type { BenchmarkTable, TableSpec } from "../core/table.js";
import { describeError } from "../excel/errors.js";
import type { BenchmarkWorkbook } from "../excel/index.js";
import { CustomGroupsPanel } from "./CustomGroupsPanel.js";
import { GroupPicker, type GroupChoice } from "./GroupPicker.js";
import { MetricPicker } from "./MetricPicker.js";
import { NoticeArea, useNotice } from "./Notice.js";
import { PeriodPicker } from "./PeriodPicker.js";
import type { ProfileMemory } from "./profile/memory.js";
import { StepProgress, type Steps } from "./StepProgress.js";
import { PreviewTable } from "./lazyParts.js";
import { useCustomGroups } from "./useCustomGroups.js";
import type { Data } from "./useData.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface InsertSectionProps {
  data: Data;
  workbook?: () => Promise<BenchmarkWorkbook>;
  onInserted: () => void;
  /** Where the profile remembers my council: its row is highlighted in the tables inserted. */
  memory?: ProfileMemory;
}

export function InsertSection({ data, workbook, onInserted, memory }: InsertSectionProps) {
  const styles = useStyles();
  const [metric, setMetric] = useState("");
  const [period, setPeriod] = useState("latest");
  const [group, setGroup] = useState<GroupChoice>({ kind: "", council: "" });
  const [atSelection, setAtSelection] = useState(false);
  // With a comparator group: only its councils, best first, the group's council highlighted.
  const [groupOnly, setGroupOnly] = useState(false);
  const [byScore, setByScore] = useState(false);
  // Scores as formulas, so the workbook rescores itself when a value is corrected; off for plain values.
  const [live, setLive] = useState(true);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<BenchmarkTable>();
  const [progress, setProgress] = useState<Steps>();
  const custom = useCustomGroups(workbook);
  // Notices appear beside what caused them: the Insert button, or the custom groups' button.
  const { notice, notify, dismiss } = useNotice();
  const groupsNotice = useNotice();

  const session = data.session;
  const dataset = session?.benchmarks.data;
  const periods = metric && dataset ? dataset.periods(metric) : [];
  const loadedOnly = dataset ? dataset.metrics().filter((m) => !findMetric(m)) : [];
  // Before the data load, the built-in data's metrics; after, whatever the loaded data hold.
  const available = (id: string) => (dataset ? dataset.has(id) : findMetric(id)?.hasDefaultData === true);

  const chooseMetric = (id: string) => {
    setMetric(id);
    setPeriod("latest");
    setPreview(undefined);
    if (id) void data.ensure();
  };

  const insert = async () => {
    notify(undefined);
    if (group.kind && !group.council) {
      notify({ intent: "warning", text: "Choose the council whose comparator group to use." });
      return;
    }
    setBusy(true);
    setProgress({ done: 0, total: 3, what: "Loading the data" });
    try {
      const loaded = await data.ensure();
      if (!loaded) return; // the pane already says why the data could not be loaded
      setProgress({ done: 1, total: 3, what: workbook ? "Computing the table" : "Building the table" });
      // My council (the profile's, remembered) is highlighted; else the comparator group's council.
      const mine = (await memory?.load().catch(() => undefined))?.council;
      const focus = mine ?? (group.kind ? group.council : undefined);
      const spec: TableSpec = {
        metric,
        period,
        ...(group.kind ? { group, ...(groupOnly ? { groupOnly: true } : {}) } : {}),
        ...(focus ? { focus } : {}),
        ...(byScore ? { sort: "score" as const } : {}),
        ...(live ? { live: true } : {}),
      };
      if (workbook) {
        // The workbook counts its own steps (computed, written); the data loading came first.
        const done = await (
          await workbook()
        ).insertTable(spec, atSelection ? "selection" : "new-sheet", (d, total, what) =>
          setProgress({ done: 1 + d, total: 1 + total, what }),
        );
        const rows = done.rows.toLocaleString("en-GB");
        notify({
          intent: "success",
          text: `Inserted table ${done.table} on sheet ${done.sheet} (${rows} rows).`,
        });
        onInserted();
      } else {
        const attribution = loaded.attributionOf(loaded.benchmarks.metric(metric).id);
        // Computing a table is the data layer's work: it comes with the Excel adapter's chunk, loaded by now.
        const { benchmarkTable } = await import(/* webpackChunkName: "excel" */ "../core/table.js");
        setPreview(benchmarkTable(loaded.benchmarks, spec, { attribution }));
      }
    } catch (e) {
      notify({ intent: "error", title: "The table was not inserted", text: describeError(e) });
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="insert-heading">
      <Subtitle1 as="h2" id="insert-heading">
        Insert a benchmark table
      </Subtitle1>
      <MetricPicker
        value={metric}
        onChange={chooseMetric}
        loadedOnly={loadedOnly}
        available={available}
        release={metric ? session?.releaseOf(metric) : undefined}
      />
      <PeriodPicker
        value={period}
        onChange={setPeriod}
        periods={periods}
        latest={dataset?.latestPeriod(metric)}
      />
      <GroupPicker
        value={group}
        onChange={setGroup}
        councils={session?.benchmarks.directory.all() ?? []}
        customGroups={custom.groups?.map((g) => g.name)}
      />
      <Checkbox
        label="Only the comparator group's councils"
        checked={groupOnly && !!group.kind}
        disabled={!group.kind}
        onChange={(_e, d) => setGroupOnly(d.checked === true)}
      />
      <Checkbox
        label="Sort by score, best first"
        checked={byScore}
        onChange={(_e, d) => setByScore(d.checked === true)}
      />
      <Checkbox
        label="Scores as formulas (they recalculate when a value is corrected)"
        checked={live}
        onChange={(_e, d) => setLive(d.checked === true)}
      />
      {workbook && <CustomGroupsPanel custom={custom} workbook={workbook} notify={groupsNotice.notify} />}
      {workbook && <NoticeArea notice={groupsNotice.notice} onDismiss={groupsNotice.dismiss} />}
      {workbook && (
        <Checkbox
          label="At the selected cell (instead of on a new sheet)"
          checked={atSelection}
          onChange={(_e, d) => setAtSelection(d.checked === true)}
        />
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<TableAdd20Regular />}
          disabled={!metric || !available(metric) || busy || data.status === "loading"}
          onClick={() => void insert()}
        >
          Insert table
        </Button>
        {!busy && data.status === "loading" && <Spinner size="tiny" label="Loading data…" />}
      </div>
      {progress && <StepProgress label="Inserting the table" steps={progress} />}
      <NoticeArea notice={notice} onDismiss={dismiss} />
      {preview && <PreviewTable table={preview} />}
    </section>
  );
}
