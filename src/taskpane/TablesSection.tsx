// The workbook's benchmark tables, each with when it was last refreshed and how that went.
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowSync20Regular } from "@fluentui/react-icons/svg/arrow-sync";
import { useCallback, useEffect, useState } from "react";
import { findMetric } from "../core/catalogue/index.js";
import { periodLabel } from "../core/periods.js";
import { describeError } from "../excel/errors.js";
import type {
  BenchmarkWorkbook,
  Progress as WorkbookProgress,
  RefreshReport,
  WorkbookTable,
} from "../excel/index.js";
import { GROUP_KINDS } from "./labels.js";
import { NoticeArea, useNotice, type NoticeMessage } from "./Notice.js";
import { StepProgress } from "./StepProgress.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
  },
  rowNotice: { flexBasis: "100%" },
  text: { display: "flex", flexDirection: "column" },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

export interface TablesSectionProps {
  workbook: () => Promise<BenchmarkWorkbook>;
  /** Changes when a table was inserted, so the list is read again. */
  revision: number;
  /** A council's name from its code, once the data is loaded (until then the code is shown). */
  councilName?: (code: string) => string | undefined;
}

/** When a table was refreshed, to the second, so each refresh visibly changes it: "3 Jun, 14:05:09". */
export const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });

/** How far a refresh has got, as the workbook reports it: steps done of the total, and what is happening. */
interface Progress {
  done: number;
  total: number;
  what: string;
}

const words = (n: number) => `${n} ${n === 1 ? "table" : "tables"}`;

function describeSpec(t: WorkbookTable, councilName?: (code: string) => string | undefined): string {
  const metric = findMetric(t.spec.metric)?.name ?? t.spec.metric;
  const period =
    t.spec.period === "latest"
      ? "latest period"
      : t.spec.period === "all"
        ? "all periods"
        : periodLabel(t.spec.period);
  const g = t.spec.group;
  // Any kind but the four built-in ones is the name of a custom group from the workbook.
  const kind = g && (GROUP_KINDS.some((k) => k.id === g.kind) ? g.kind : `"${g.kind}"`);
  return `${metric}, ${period}${g ? `, ${kind} group of ${councilName?.(g.council) ?? g.council}` : ""}`;
}

/** A notice summing up a refresh. */
export function reportNotice(report: RefreshReport): NoticeMessage {
  const done = report.refreshed.length;
  if (!done && !report.failed.length)
    return { intent: "info", text: "There are no benchmark tables to refresh here." };
  const notes = report.notes.map((n) => n.message).join(" ");
  if (!report.failed.length)
    return notes
      ? { intent: "warning", title: `Refreshed ${words(done)}`, text: notes }
      : { intent: "success", text: `Refreshed ${words(done)}.` };
  return {
    intent: done ? "warning" : "error",
    title: `${words(report.failed.length)} not refreshed${done ? `; ${words(done)} refreshed` : ""}`,
    text: [...report.failed.map((f) => `${f.table}: ${f.message}`), notes].join(" ").trim(),
  };
}

export function TablesSection({ workbook, revision, councilName }: TablesSectionProps) {
  const styles = useStyles();
  const [tables, setTables] = useState<WorkbookTable[]>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  // A refresh's notice appears beside the button that started it: Refresh all / this sheet, or a table's own.
  const { notice, notify, dismiss } = useNotice();
  const [noticeFor, setNoticeFor] = useState<string>();

  const [damaged, setDamaged] = useState<{ table: string; sheet: string }[]>([]);

  const reload = useCallback(() => {
    workbook()
      .then((w) => w.damagedTables())
      .then(setDamaged, () => setDamaged([]));
    workbook()
      .then((w) => w.tables())
      .then(setTables, (e: unknown) => {
        setNoticeFor(undefined);
        notify({ intent: "error", title: "Could not read this workbook's tables", text: describeError(e) });
      });
  }, [workbook, notify]);

  useEffect(() => {
    reload();
    // The ribbon's Refresh all changes the list while the pane is open: read it again on return.
    window.addEventListener("focus", reload);
    return () => window.removeEventListener("focus", reload);
  }, [reload, revision]);

  const refresh = async (
    run: (w: BenchmarkWorkbook, onProgress: WorkbookProgress) => Promise<RefreshReport>,
    table?: string,
  ) => {
    notify(undefined);
    setNoticeFor(table);
    setBusy(true);
    setProgress({ done: 0, total: 1, what: "Starting" });
    try {
      const report = await run(await workbook(), (done, total, what) => setProgress({ done, total, what }));
      notify(reportNotice(report));
    } catch (e) {
      notify({ intent: "error", title: "Refresh failed", text: describeError(e) });
    } finally {
      setBusy(false);
      setProgress(undefined);
      reload();
    }
  };

  // The functions read ComparatorGroups and Evidence without Excel knowing: after an edit the user asks.
  const recalculate = async () => {
    notify(undefined);
    setNoticeFor(undefined);
    setBusy(true);
    try {
      await (await workbook()).recalculate();
      notify({ intent: "success", text: "Recalculated every formula, the BENCH functions included." });
    } catch (e) {
      notify({ intent: "error", title: "Could not recalculate", text: describeError(e) });
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    notify(undefined);
    setNoticeFor(undefined);
    setBusy(true);
    try {
      const report = await (await workbook()).restoreDamagedTables();
      const back = report.restored.map((t) => t.table).join(", ");
      if (report.failed.length)
        notify({
          intent: "error",
          title: "Not restored",
          text: report.failed.map((f) => f.message).join(" "),
        });
      else notify({ intent: "success", text: `Restored ${back} as it was before the failed refresh.` });
    } catch (e) {
      notify({ intent: "error", title: "Could not restore", text: describeError(e) });
    } finally {
      setBusy(false);
      reload();
    }
  };

  // A table taken off the list (deleted from the workbook) has its notice shown at the top instead.
  const inRow = noticeFor !== undefined && tables?.some((t) => t.table === noticeFor) ? noticeFor : undefined;
  const progressBar = progress && <StepProgress label="Refreshing" steps={progress} />;

  return (
    <section className={styles.root} aria-labelledby="tables-heading">
      <Subtitle1 as="h2" id="tables-heading">
        Tables in this workbook
      </Subtitle1>
      <div className={styles.actions}>
        <Button
          icon={<ArrowSync20Regular />}
          disabled={busy}
          onClick={() => void refresh((w, p) => w.refreshAll(p))}
        >
          Refresh all
        </Button>
        <Button disabled={busy} onClick={() => void refresh((w, p) => w.refreshSheet(undefined, p))}>
          Refresh this sheet
        </Button>
        <Button disabled={busy} onClick={() => void recalculate()}>
          Recalculate functions
        </Button>
      </div>
      {damaged.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Partly written after a failed refresh</MessageBarTitle>
            {damaged.map((d) => `${d.table} on sheet ${d.sheet}`).join("; ")}. Its last good copy is kept:
            restore it, or refresh again.
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={busy} onClick={() => void restore()}>
              Restore
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {inRow === undefined && progressBar}
      <NoticeArea notice={inRow === undefined ? notice : undefined} onDismiss={dismiss} />
      {tables?.length === 0 && <Body1>No benchmark tables yet: insert one above.</Body1>}
      <ul className={styles.list}>
        {tables?.map((t) => (
          <li key={t.table} className={styles.item}>
            <div className={styles.text}>
              <Body1>
                {t.table} <Caption1>on {t.currentSheet ?? `${t.sheet} (table not found)`}</Caption1>
              </Body1>
              <Caption1>{describeSpec(t, councilName)}</Caption1>
              {t.lastRefresh && (
                <Caption1 className={t.lastRefresh.ok ? undefined : styles.failed}>
                  {t.lastRefresh.ok
                    ? `Refreshed ${when(t.lastRefresh.at)}, ${t.lastRefresh.rows ?? 0} rows` +
                      (t.lastRefresh.message ? `. ${t.lastRefresh.message}` : "")
                    : `Not refreshed ${when(t.lastRefresh.at)}: ${t.lastRefresh.message}`}
                </Caption1>
              )}
            </div>
            <Button
              size="small"
              aria-label={`Refresh ${t.table}`}
              disabled={busy}
              onClick={() => void refresh((w, p) => w.refreshTable(t.table, p), t.table)}
            >
              Refresh
            </Button>
            {inRow === t.table && progressBar && <div className={styles.rowNotice}>{progressBar}</div>}
            <NoticeArea
              className={styles.rowNotice}
              notice={inRow === t.table ? notice : undefined}
              onDismiss={dismiss}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
