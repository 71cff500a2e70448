// Readers report progress once per XML chunk; posting or rendering each would flood the pane. This passes
// on a fraction only when it has risen by `step` since the last one passed on, and always passes on 1.

/** `report`, called at most once per `step` of progress (and for 0 and 1), with rising fractions only. */
export function throttleProgress(
  report: (fraction: number) => void,
  step = 0.01,
): (fraction: number) => void {
  let last = -Infinity;
  return (fraction) => {
    const f = Math.min(1, Math.max(0, fraction));
    if (f <= last) return;
    if (f < 1 && f - last < step) return;
    last = f;
    report(f);
  };
}
