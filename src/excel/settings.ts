// The workbook's own settings (Office.context.document.settings): small values saved inside the file, such
// as the council the pane profiles. The only Office code the task pane's profile uses.

/** A saved setting; undefined when the workbook has none (or no settings at all). */
export function readSetting(name: string): unknown {
  const settings = Office.context?.document?.settings;
  const value = settings?.get(name);
  return value === null ? undefined : value;
}

/** Sets a setting and saves it into the workbook; rejects with Office's message if saving fails. */
export function writeSetting(name: string, value: unknown): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(name, value);
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) =>
      String(result.status) === "failed"
        ? reject(
            new Error(`The workbook did not save the setting: ${result.error?.message ?? "unknown error"}`),
          )
        : resolve(),
    ),
  );
}
