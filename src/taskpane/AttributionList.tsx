// Every publisher and licence of the loaded data, as their licences ask to be credited.
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Data } from "./useData.js";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: { display: "flex", flexDirection: "column" },
});

export function AttributionList({ data }: { data: Data }) {
  const styles = useStyles();
  const attribution = data.session?.attribution();
  return (
    <div aria-label="Publishers and licences">
      <Subtitle2 as="h3">Publishers and licences</Subtitle2>
      {!attribution ? (
        <Button
          appearance="subtle"
          size="small"
          onClick={() => void data.ensure()}
          disabled={data.status === "loading"}
        >
          Show the publishers of the built-in data
        </Button>
      ) : (
        <ul className={styles.list}>
          {attribution.map((a) => (
            <li key={`${a.publisher}\u0000${a.licence}`} className={styles.item}>
              <Body1>{a.publisher}</Body1>
              <Caption1>
                {a.licence} ({a.metrics.length} {a.metrics.length === 1 ? "metric" : "metrics"})
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
