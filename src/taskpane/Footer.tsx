// Says plainly whose numbers these are.
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
});

export function Footer() {
  return (
    <footer className={useStyles().root}>
      <Caption1>
        Scores (median, MAD, MAD score, band) are calculated by this add-in from published data with the LADE
        method. They are not official Oflog output.
      </Caption1>
    </footer>
  );
}
