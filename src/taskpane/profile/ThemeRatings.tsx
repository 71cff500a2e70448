// The council's Best Value theme ratings under its profile: each theme's rating, coverage and warnings,
// opening to its evidence; inside Excel, the Evidence table to add the council's own evidence, and the
// summary sheet. The same themeReport as BENCH.THEMEREPORT and `cli themes`.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Benchmarks } from "../../core/benchmarks.js";
import { NOT_RATED } from "../../core/bestValue.js";
import type { Council } from "../../core/model.js";
import { themeReport, type LocalEvidence } from "../../core/themeReport.js";
import { themeEvidenceCells } from "../../core/themeTable.js";
import { describeError } from "../../excel/errors.js";
import type { BenchmarkWorkbook } from "../../excel/index.js";
import { NoticeArea, useNotice } from "../Notice.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ThemeRatingsProps {
  benchmarks: Benchmarks;
  council: Council;
  group: string;
  workbook?: () => Promise<BenchmarkWorkbook>;
}

export function ThemeRatings({ benchmarks, council, group, workbook }: ThemeRatingsProps) {
  const styles = useStyles();
  const [local, setLocal] = useState<readonly LocalEvidence[]>([]);
  const notice = useNotice();
  const { notify } = notice;
  const [busy, setBusy] = useState(false);

  // The Evidence table is read afresh for each council and comparison: users edit it at any time.
  useEffect(() => {
    if (!workbook) return;
    let live = true;
    workbook()
      .then((w) => w.localEvidence())
      .then(
        (rows) => live && setLocal(rows),
        (e: unknown) =>
          live &&
          notify({ intent: "warning", title: "The Evidence table was not read", text: describeError(e) }),
      );
    return () => {
      live = false;
    };
  }, [workbook, council.code, group, notify]);

  const report = useMemo(
    () => themeReport(benchmarks, council.code, { group: group || undefined, local }),
    [benchmarks, council.code, group, local],
  );

  const act = async (what: "summary" | "evidence") => {
    if (!workbook) return;
    setBusy(true);
    try {
      const w = await workbook();
      if (what === "evidence") {
        const sheet = await w.createEvidenceTable();
        notice.notify({
          intent: "success",
          text: `Added the Evidence table on sheet ${sheet}: add a row per piece of evidence.`,
        });
      } else {
        const done = await w.insertSummary({ council: council.code, group: group || undefined });
        notice.notify({
          intent: "success",
          text: `Inserted the Best Value summary of ${council.shortName} on sheet ${done.sheet}.`,
        });
      }
    } catch (e) {
      notice.notify({ intent: "error", title: "Not done", text: describeError(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="themes-heading">
      <Subtitle2 as="h3" id="themes-heading">
        Best Value themes
      </Subtitle2>
      <Caption1>
        Each theme is rated from the median of its evidence's scores, only with at least two; never one score
        across themes, never a ranking of councils. Not an official judgement.
      </Caption1>
      <Accordion multiple collapsible>
        {report.map((t) => (
          <AccordionItem key={t.theme.id} value={t.theme.id}>
            <AccordionHeader>
              {t.theme.title}: {t.rating.rating}
              {t.rating.warnings.length
                ? ` (${t.rating.warnings.length} warning${t.rating.warnings.length === 1 ? "" : "s"})`
                : ""}
            </AccordionHeader>
            <AccordionPanel>
              <Caption1>
                {t.rating.score !== null ? `Score ${t.rating.score.toFixed(2)}; ` : ""}
                {t.rating.coverage}.{t.rating.rating === NOT_RATED ? ` ${t.theme.evidence}` : ""}
              </Caption1>
              {t.rating.warnings.map((w) => (
                <Caption1 key={w} className={styles.warning} as="p">
                  Warning: {w}
                </Caption1>
              ))}
              <ul className={styles.list} aria-label={`Evidence for ${t.theme.title}`}>
                {t.evidence.map((e) => {
                  const [, name, source, status, score, detail] = themeEvidenceCells(t, e);
                  return (
                    <li key={`${source}:${name}`}>
                      <Caption1>
                        {name} ({e.local ? "local" : "published"}): {status}
                        {typeof score === "number" ? `, ${score.toFixed(2)}` : ""}
                        {detail ? `; ${detail}` : ""}
                      </Caption1>
                    </li>
                  );
                })}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {workbook && (
        <div className={styles.actions}>
          <Button disabled={busy} onClick={() => void act("summary")}>
            Insert Best Value summary
          </Button>
          <Button disabled={busy} onClick={() => void act("evidence")}>
            Add the Evidence table
          </Button>
        </div>
      )}
      <NoticeArea notice={notice.notice} onDismiss={notice.dismiss} />
    </section>
  );
}
