// Where the e2e build lives: a folder of its own, so it never clashes with `npm run build` (dist/) or the
// foundation bundle test (a temp folder).
import { resolve } from "node:path";
import { repoRoot } from "../../support/paths.js";

export { repoRoot };
/** Everything the e2e run builds. */
export const e2eCache = resolve(repoRoot, "node_modules/.cache/e2e");
/** The add-in, built as `npm run build` builds it (production), served by server/createServer. */
export const e2eDist = resolve(e2eCache, "dist");
/** The fake Office host bundled for the browser (test/e2e/support/fakeOfficeEntry.ts). */
export const e2eFake = resolve(e2eCache, "fake");
export const fakeOfficeScript = resolve(e2eFake, "fakeOffice.js");
/** Screenshots and the JSON report. */
export const resultsDir = resolve(repoRoot, "test-results");
