// The task pane: insert benchmark tables, refresh them, and manage where the data comes from. On the
// preview page (no Excel) the same pane shows tables in itself instead of writing them into a workbook.
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
import { Notice, type NoticeMessage } from "./Notice.js";
import { defaultServices, type PaneServices } from "./services.js";
import { TablesSection } from "./TablesSection.js";
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
  const { session, workbook } = useMemo(() => services ?? defaultServices(host), [services, host]);
  const data = useData(session);
  const [notice, setNotice] = useState<NoticeMessage>();
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
        {notice && <Notice notice={notice} onDismiss={() => setNotice(undefined)} />}
        <ErrorBoundary>
          <InsertSection
            data={data}
            workbook={workbook}
            notify={setNotice}
            onInserted={() => setInserted((n) => n + 1)}
          />
        </ErrorBoundary>
        {workbook && (
          <>
            <Divider />
            <ErrorBoundary>
              <TablesSection workbook={workbook} notify={setNotice} revision={inserted} />
            </ErrorBoundary>
          </>
        )}
        <Divider />
        <ErrorBoundary>
          <DataSection data={data} workbook={workbook} notify={setNotice} />
        </ErrorBoundary>
        <Footer />
      </main>
    </FluentProvider>
  );
}
