// Waiting for Office before the pane opens. In a shared runtime on the web Office.onReady can take minutes
// (office-js #6946), so the pane never settles on the preview after a timeout: it says it is waiting, offers
// the preview meanwhile, and becomes the workbook's pane whenever Excel is ready.
import { useEffect, useState } from "react";
import { tooOldForTables } from "../excel/requirements.js";
import { App } from "./App.js";
import type { PaneServices } from "./services.js";

/** After this long without Office, the pane says it is still waiting and offers the preview. */
export const SLOW_START_MS = 3000;

type OfficeInfo = { host?: unknown } | null | undefined;

export interface StartupProps {
  /** Office.onReady, or undefined where there is no office.js (the preview page, or offline). */
  onReady?: () => Promise<OfficeInfo>;
  slowAfterMs?: number;
  /** Tests: the services App would use for the host that starts. */
  services?: (host: string | null) => PaneServices | undefined;
}

type Phase = { kind: "starting" | "slow" } | { kind: "ready"; host: string | null; problem?: string };

export function Startup({ onReady, slowAfterMs = SLOW_START_MS, services }: StartupProps) {
  const [phase, setPhase] = useState<Phase>(onReady ? { kind: "starting" } : { kind: "ready", host: null });
  const [previewMeanwhile, setPreviewMeanwhile] = useState(false);

  useEffect(() => {
    if (!onReady) return;
    let live = true;
    const slow = setTimeout(
      () => live && setPhase((p) => (p.kind === "starting" ? { kind: "slow" } : p)),
      slowAfterMs,
    );
    onReady().then(
      (info) => live && setPhase(ready(info?.host ? String(info.host) : null)),
      () => live && setPhase({ kind: "ready", host: null }),
    );
    return () => {
      live = false;
      clearTimeout(slow);
    };
  }, [onReady, slowAfterMs]);

  if (phase.kind === "ready")
    return (
      <>
        {phase.problem && <p role="alert">{phase.problem}</p>}
        <App key={phase.host ?? "preview"} host={phase.host} services={services?.(phase.host)} />
      </>
    );
  const waiting =
    phase.kind === "starting"
      ? "Connecting to Excel…"
      : "Still waiting for Excel to start the add-in. On Excel on the web this can take a few minutes; " +
        "the pane opens on your workbook as soon as Excel is ready.";
  return (
    <>
      <p role="status">{waiting}</p>
      {phase.kind === "slow" &&
        (previewMeanwhile ? (
          <App host={null} services={services?.(null)} />
        ) : (
          <button type="button" onClick={() => setPreviewMeanwhile(true)}>
            Look at benchmarks meanwhile (without the workbook)
          </button>
        ))}
    </>
  );
}

/** Excel too old for the tables opens the pane without the workbook, saying why. */
function ready(host: string | null): Phase {
  const problem = host === "Excel" ? tooOldForTables() : undefined;
  return problem ? { kind: "ready", host: null, problem } : { kind: "ready", host };
}
