// The data behind the workbook's tables, kept in the workbook as a snapshot (the project's snapshot format),
// so tables and formulas work with no network and show what they showed when the file was saved.
import type { Benchmarks } from "../core/benchmarks.js";
import {
  buildSnapshot,
  parseSnapshot,
  serializeSnapshot,
  type Attribution,
  type ReleaseInfo,
  type Snapshot,
} from "../core/snapshot.js";
import { loadPart, queueRestorePart, queueSavePart, type LoadedPart } from "./xmlPart.js";

export const SNAPSHOT_NAMESPACE = "urn:council-benchmarks:snapshot:v1";
const ROOT = "snapshot";

export interface LoadedSnapshotPart {
  snapshot?: Snapshot;
  part: LoadedPart;
}

/** The workbook's snapshot; none when it has none or it cannot be read (the shipped data is used then). */
export async function loadSnapshotPart(context: Excel.RequestContext): Promise<LoadedSnapshotPart> {
  const part = await loadPart(context, SNAPSHOT_NAMESPACE);
  if (!part.text) return { part };
  try {
    return { part, snapshot: parseSnapshot(part.text) };
  } catch (e) {
    console.warn("Ignoring the workbook's data snapshot:", e);
    return { part };
  }
}

/** Every period of the given metrics, with the attribution of their publishers. */
export function workbookSnapshot(
  benchmarks: Benchmarks,
  metrics: readonly string[],
  attribution: readonly Attribution[],
  created: Date,
  releases: readonly ReleaseInfo[] = [],
): Snapshot {
  const wanted = new Set(metrics);
  const observations = [...benchmarks.data.all()].filter((o) => wanted.has(o.metric));
  const kept = attribution
    .map((a) => ({ ...a, metrics: a.metrics.filter((m) => wanted.has(m)) }))
    .filter((a) => a.metrics.length);
  const inUse = releases
    .map((r) => ({ ...r, metrics: r.metrics.filter((m) => wanted.has(m)) }))
    .filter((r) => r.metrics.length);
  return buildSnapshot(observations, {
    created: created.toISOString(),
    attribution: kept,
    releases: inUse,
    metricOrder: metrics,
  });
}

/** Saves the snapshot unless it holds what the workbook's already does (its date aside). */
export function queueSaveSnapshot(
  context: Excel.RequestContext,
  loaded: LoadedSnapshotPart,
  snapshot: Snapshot,
) {
  const same = loaded.snapshot && serializeSnapshot({ ...snapshot, created: loaded.snapshot.created });
  const text = same !== undefined && same === loaded.part.text ? same : serializeSnapshot(snapshot);
  queueSavePart(context, loaded.part, ROOT, text);
}

/** Puts the snapshot back as it was read (after a failed change). */
export function queueRestoreSnapshot(
  context: Excel.RequestContext,
  loaded: LoadedSnapshotPart,
): Promise<void> {
  return queueRestorePart(context, loaded.part, ROOT);
}
