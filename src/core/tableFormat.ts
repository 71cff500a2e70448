// The text number format, in a module of its own: table.ts re-exports it before it imports profileTable.ts,
// which reads it while loading, so either module can be imported first (they import each other).

/** Excel's text number format: a cell formatted so is never read as a formula or number. */
export const TEXT_FORMAT = "@";
