// Remembers which council the profile is of, and its comparator group: in the workbook (its settings)
// inside Excel, so whoever opens the file sees the same council; in the browser on the preview page.
import { readSetting, writeSetting } from "../../excel/settings.js";

export interface Remembered {
  /** The council's code. */
  council: string;
  /** "" for LADE's comparison (England), else a group kind or a custom group's name. */
  group: string;
}

export interface ProfileMemory {
  load(): Promise<Remembered | undefined>;
  save(choice: Remembered): Promise<void>;
}

export const MEMORY_KEY = "council-benchmarks.profile";

/** A remembered choice read back, if it has the right shape. */
export function parseRemembered(value: unknown): Remembered | undefined {
  const v = typeof value === "string" ? safeJson(value) : value;
  if (!v || typeof v !== "object") return undefined;
  const { council, group } = v as Record<string, unknown>;
  if (typeof council !== "string" || !council) return undefined;
  return { council, group: typeof group === "string" ? group : "" };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The workbook's settings (inside Excel). */
export function workbookMemory(): ProfileMemory {
  return {
    load: async () => parseRemembered(readSetting(MEMORY_KEY)),
    save: (choice) => writeSetting(MEMORY_KEY, { ...choice }),
  };
}

/** The browser's local storage (the preview page); nothing is kept where storage is unavailable. */
export function browserMemory(
  storage: () => Storage | undefined = () => globalThis.localStorage,
): ProfileMemory {
  return {
    load: async () => {
      try {
        return parseRemembered(storage()?.getItem(MEMORY_KEY) ?? undefined);
      } catch {
        return undefined;
      }
    },
    save: async (choice) => storage()?.setItem(MEMORY_KEY, JSON.stringify(choice)),
  };
}
