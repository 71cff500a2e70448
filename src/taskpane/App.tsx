// Placeholder task pane; the real UI replaces the body of this component.
import {
  Badge,
  Body1,
  FluentProvider,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  status: { alignSelf: "flex-start" },
});

export type AppProps = { host: string | null };

export function App({ host }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title2 as="h1">Council Benchmarks</Title2>
        <Body1>
          Published UK local-authority metrics in Excel tables, scored with the LADE MAD method. An
          independent tool, not official Oflog output.
        </Body1>
        <Badge className={styles.status} appearance="tint" color={host ? "success" : "informative"}>
          {host ? `Connected to ${host}` : "Preview: not running inside Excel"}
        </Badge>
      </main>
    </FluentProvider>
  );
}
