// Parts of the pane its first paint does not need load on first use, in chunks of their own: the table
// preview (only on the preview page, once a table is shown), the workbook's list of tables (only in Excel,
// below the fold) and the search boxes' combobox (asked for as the pane first draws, shown as a disabled box
// until it is there). Each keeps the props of the component it stands for, so callers just import it from
// here. The first-paint budget is checked by bench/bundle.ts and test/foundation/bundleSize.test.ts.
import { Input, Spinner } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import type { PreviewTableProps } from "./PreviewTable.js";
import type { SearchBoxProps } from "./SearchBox.js";
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

// One lazy component for every search box: once loaded, each new one renders at once.
const LazySearchBox = lazy(() =>
  import(/* webpackChunkName: "search-box" */ "./SearchBox.js").then((m) => ({ default: m.SearchBox })),
);

export function SearchBox(props: SearchBoxProps) {
  // The stand-in takes the Field's label and hint as the combobox will, so the pane does not move.
  return (
    <Suspense fallback={<Input disabled placeholder={props.placeholder} />}>
      <LazySearchBox {...props} />
    </Suspense>
  );
}

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
