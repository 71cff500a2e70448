// A Select that never widens the pane: a percentage width makes the native select compressible, so its
// longest option (metric names are long) no longer sets its width; the shown text is cut with an ellipsis.
import { Select, makeStyles, mergeClasses, type SelectProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { width: "100%", minWidth: 0, maxWidth: "100%" },
  select: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

export function FitSelect({ className, ...props }: SelectProps) {
  const styles = useStyles();
  return (
    <Select
      {...props}
      className={mergeClasses(styles.root, className)}
      select={{ className: styles.select }}
    />
  );
}
