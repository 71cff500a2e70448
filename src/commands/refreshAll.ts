// Ribbon "Refresh all": re-fetches every benchmark table in the workbook from its source (see src/excel).
export { refreshAll } from "../excel/addin.js";
