// Excel custom functions, namespace BENCH (see manifest.xml). Placeholder: the real functions land here.
//
// How registration works: custom-functions-metadata-plugin (webpack.config.js) reads the JSDoc
// @customfunction tags in this file, writes functions.json, and appends
//   CustomFunctions.associate("<ID>", <functionName>);
// to this module for each of them at build time. So do not call associate() by hand (it would register
// twice), and keep every custom function a top-level function declared in this file.
import pkg from "../../package.json";

// The appended associate() calls resolve `CustomFunctions` to this binding. Where the Office runtime is
// absent (a plain browser, tests) it is a no-op instead of a ReferenceError that would stop the bundle.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the plugin-appended code
const CustomFunctions: Pick<typeof globalThis.CustomFunctions, "associate"> = globalThis.CustomFunctions ?? {
  associate: () => undefined,
};

/**
 * Returns the version of the Council Benchmarks add-in, e.g. to check which build a workbook is using.
 * @customfunction VERSION
 * @returns The add-in version, such as "0.1.0".
 */
export function version(): string {
  return pkg.version;
}
