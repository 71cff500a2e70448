// Parts of the pane its first paint does not need load on first use, in chunks of their own: the table
// preview (only on the preview page, once a table is shown) and the workbook's list of tables (only in
// Excel, below the fold). Each keeps the props of the component it stands for, so callers just import it
// from here. The first-paint budget is checked by test/foundation/bundleSize.test.ts.
import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import type { PreviewTableProps } from "./PreviewTable.js";
import type { TablesSectionProps } from "./TablesSection.js";

const LazyPreviewTable = lazy(() =>
  import(/* webpackChunkName: "preview-table" */ "./PreviewTable.js").then((m) => ({
    default: m.PreviewTable,
  })),
);

const LazyTablesSection = lazy(() =>
  import(/* webpackChunkName: "tables-section" */ "./TablesSection.js").then((m) => ({
    default: m.TablesSection,
  })),
);

export function PreviewTable(props: PreviewTableProps) {
  return (
    <Suspense fallback={<Spinner size="tiny" label="Showing the table…" />}>
      <LazyPreviewTable {...props} />
    </Suspense>
  );
}

export function TablesSection(props: TablesSectionProps) {
  return (
    <Suspense fallback={<Spinner size="tiny" label="Loading the workbook's tables…" />}>
      <LazyTablesSection {...props} />
    </Suspense>
  );
}
