// The workbook's own comparator groups: the groups found in its ComparatorGroups table, or a button that
// adds that table. The groups themselves are edited in the sheet, as ordinary rows.
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { describeError } from "../excel/errors.js";
import type { BenchmarkWorkbook } from "../excel/index.js";
import type { NoticeMessage } from "./Notice.js";
import type { CustomGroups } from "./useCustomGroups.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

export interface CustomGroupsPanelProps {
  custom: CustomGroups;
  workbook: () => Promise<BenchmarkWorkbook>;
  notify: (notice: NoticeMessage | undefined) => void;
}

const councils = (n: number) => `${n} ${n === 1 ? "council" : "councils"}`;

export function CustomGroupsPanel({ custom, workbook, notify }: CustomGroupsPanelProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);

  const create = async () => {
    notify(undefined);
    setBusy(true);
    try {
      const sheet = await (await workbook()).createCustomGroupsTable();
      notify({
        intent: "success",
        text: `Added the ComparatorGroups table on sheet ${sheet}: one row per council, its group's name beside it.`,
      });
    } catch (e) {
      notify({ intent: "error", title: "The table was not added", text: describeError(e) });
    } finally {
      setBusy(false);
      custom.reload();
    }
  };

  return (
    <div className={styles.root} role="group" aria-label="Custom comparator groups">
      <Body1>Custom comparator groups</Body1>
      <Caption1>
        Rows of the ComparatorGroups table (columns Group and Council: a council&apos;s code or name).
      </Caption1>
      {custom.error && <Caption1 className={styles.failed}>{custom.error}</Caption1>}
      {custom.hasTable === false && (
        <Button size="small" disabled={busy} onClick={() => void create()}>
          Create the ComparatorGroups table
        </Button>
      )}
      {custom.groups?.length === 0 && <Caption1>No groups yet: add rows to the table.</Caption1>}
      {!!custom.groups?.length && (
        <ul className={styles.list}>
          {custom.groups.map((g) => (
            <li key={g.name.toLowerCase()}>
              <Caption1>
                {g.name} ({councils(g.members.length)})
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
