// The task pane: my council's profile first, then inserting benchmark tables, refreshing them, and managing
// where the data comes from. On the preview page (no Excel) the same pane shows tables in itself instead of
// writing them into a workbook.
import {
  Badge,
  Body1,
  Button,
  Divider,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { DataSection } from "./DataSection.js";
import { ErrorBoundary } from "./ErrorBoundary.js";
import { Footer } from "./Footer.js";
import { InsertSection } from "./InsertSection.js";
import { NoticeArea, useNotice } from "./Notice.js";
import { browserMemory, workbookMemory } from "./profile/memory.js";
import { ProfileSection } from "./profile/ProfileSection.js";
import { defaultServices, type PaneServices } from "./services.js";
import { TablesSection } from "./lazyParts.js";
import { useData } from "./useData.js";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  status: { alignSelf: "flex-start" },
});

export type AppProps = {
  host: string | null;
  /** The data and workbook to use; by default the add-in's own (tests pass their own). */
  services?: PaneServices;
};

export function App({ host, services }: AppProps) {
  const styles = useStyles();
  const { session, workbook, memory } = useMemo(() => services ?? defaultServices(host), [services, host]);
  const profileMemory = useMemo(
    () => memory ?? (workbook ? workbookMemory() : browserMemory()),
    [memory, workbook],
  );
  const data = useData(session);
  // Each notice appears beside the part of the pane that caused it.
  const dataNotice = useNotice();
  const [inserted, setInserted] = useState(0);

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title2 as="h1">Council Benchmarks</Title2>
        <Body1>
          Published UK local-authority metrics in Excel tables, scored against like councils with the LADE MAD
          method.
        </Body1>
        <Badge className={styles.status} appearance="tint" color={workbook ? "success" : "informative"}>
          {workbook ? `Connected to ${host}` : "Preview: not running inside Excel"}
        </Badge>
        <div role="status" aria-live="polite">
          {data.status === "error" && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Could not load the data</MessageBarTitle>
                {data.error}
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => void data.ensure()}>Try again</Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </div>
        <ErrorBoundary>
          <ProfileSection data={data} workbook={workbook} memory={profileMemory} />
        </ErrorBoundary>
        <Divider />
        <ErrorBoundary>
          <InsertSection
            data={data}
            workbook={workbook}
            memory={profileMemory}
            onInserted={() => setInserted((n) => n + 1)}
          />
        </ErrorBoundary>
        {workbook && (
          <>
            <Divider />
            <ErrorBoundary>
              <TablesSection
                workbook={workbook}
                revision={inserted}
                councilName={(code) => data.session?.benchmarks.directory.byCode(code)?.shortName}
              />
            </ErrorBoundary>
          </>
        )}
        <Divider />
        <ErrorBoundary>
          <DataSection data={data} workbook={workbook} notify={dataNotice.notify} />
          <NoticeArea notice={dataNotice.notice} onDismiss={dataNotice.dismiss} />
        </ErrorBoundary>
        <Footer />
      </main>
    </FluentProvider>
  );
}
