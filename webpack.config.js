// Builds the add-in into dist/ (or $BUILD_OUT), in two compilations: the add-in, where taskpane.html loads
// functions.js (custom functions and ribbon commands) and then taskpane.js into one shared runtime, and the
// preview, where preview.html loads only preview.js, the same task pane on its own for use without Excel
// (its chunks in dist/preview/). What taskpane.html loads is measured by bench/bundle.ts.
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { CompleteFunctionsMetadataPlugin } from "./scripts/functions-metadata.mjs";
import { rewriteManifestUrls } from "./scripts/manifest-url.mjs";
import { devPageCsp } from "./server/pageCsp.mjs";

const root = dirname(fileURLToPath(import.meta.url));
const DEV_PORT = 3000;
const DATA_PROXY = "http://localhost:3001";

const CERT_FILES = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
const readCerts = (dir) =>
  Object.fromEntries(Object.entries(CERT_FILES).map(([k, f]) => [k, readFileSync(join(dir, f))]));

async function httpsOptions() {
  // scripts/start.mjs (npm start) has already checked the certificates and says where they are.
  if (process.env.DEV_CERTS_DIR) return readCerts(process.env.DEV_CERTS_DIR);
  const devCerts = await import("office-addin-dev-certs");
  try {
    const { ca, cert, key } = await devCerts.getHttpsServerOptions();
    return { ca, cert, key };
  } catch (err) {
    // getHttpsServerOptions also installs the CA, which needs admin rights (sudo on Linux). If only that
    // failed, the generated files are still usable; the browser just won't trust them yet.
    const dir = join(homedir(), ".office-addin-dev-certs");
    if (!Object.values(CERT_FILES).every((f) => existsSync(join(dir, f)))) throw err;
    console.warn(`Could not install the dev CA (${err.message.split("\n")[0]}); serving with ${dir} anyway.`);
    return readCerts(dir);
  }
}

/** What the preview compilation writes (preview.html, preview.js and its chunks in preview/): the add-in's
 * compilation keeps these when it cleans dist/, and the preview's keeps everything else. */
const isPreviewAsset = (file) => /^preview(\/|\.html$|\.js)/.test(file) || file === "preview";

/**
 * How both compilations split: never an entry (functions.js must stay standalone, and each page names its
 * scripts), but a module two chunks loaded on demand both need goes once into a chunk they share, named
 * after them (shared~profile-themes~search-box.js), instead of being shipped in each.
 */
const splitChunks = {
  chunks: "async",
  cacheGroups: {
    // A chunk's own libraries stay in it: a file of their own would be one more request for nothing.
    defaultVendors: false,
    default: {
      minChunks: 2,
      reuseExistingChunk: true,
      name: (_module, chunks) => ["shared", ...chunks.map((c) => c.name ?? c.id).sort()].join("~"),
    },
  },
};

export default async (env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = process.env.ADDIN_BASE_URL;
  const outputPath = resolve(root, process.env.BUILD_OUT || "dist");

  /** What both compilations share: TypeScript, the source maps, the output folder. */
  const common = {
    // Plain source maps: the default dev devtool wraps modules in eval(), which the functions runtime
    // and strict CSPs may refuse.
    devtool: "source-map",
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Sources import siblings as "./x.js" (NodeNext style); resolve those to the .ts files.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the bundle only needs transpiling.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    stats: dev ? "minimal" : "normal",
  };
  const output = {
    path: outputPath,
    filename: "[name].js",
    // functions.js must also run where only Office/CustomFunctions exist (no window/self).
    globalObject: "globalThis",
    // Relative URLs, so the same build works at any ADDIN_BASE_URL path.
    publicPath: "",
  };

  // The add-in: what Excel loads. One chunk graph for the shared runtime, so each module is shipped once:
  // functions.js holds the webpack runtime and what the custom functions need, taskpane.js only what the
  // pane adds, and the parts loaded on first use (the Excel adapter, the profile's charts and detail, the
  // publisher readers) only what neither of those already holds.
  const addin = {
    ...common,
    name: "addin",
    // Entry order is the script order in taskpane.html: functions must register before the pane renders.
    entry: {
      // Standalone (it holds the webpack runtime): Excel's JavaScript-only custom functions runtime loads
      // it on its own. The ribbon commands ride along (tiny). Neither holds the Excel adapter: inside Excel
      // (the shared runtime, a page) it loads on first use from excel.js (src/excel/load.ts); the
      // JavaScript-only runtime has no Excel API and never asks for it.
      functions: ["./src/functions/functions.ts", "./src/commands/commands.ts"],
      // The pane in taskpane.html, after functions.js: every module functions.js already holds (the core)
      // is taken from there instead of being shipped twice.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
      // The worker that reads publishers' files off the pane's thread, an entry of its own (its own runtime
      // and the readers): webpack's new URL(..., import.meta.url) would put document.baseURI into
      // functions.js's runtime, which must also load where there is no document.
      "publisher-worker": "./src/workers/publisherWorker.ts",
      // Loaded by no page: puts readInWorker on globalThis for the e2e test and a browser's console. All in
      // one file (its readers too): sharing the readers' chunk would make that chunk carry again the modules
      // functions.js and excel.js hold.
      "worker-hook": { import: "./src/workers/hook.ts", asyncChunks: false },
    },
    output: { ...output, clean: { keep: isPreviewAsset } },
    // Nothing is split out of an entry, so functions.js stays standalone; taskpane.js runs on its runtime.
    // Size budget: bench/bundle.ts and test/foundation/bundleSize.test.ts.
    optimization: { runtimeChunk: false, splitChunks },
    plugins: [
      // Writes functions.json from the JSDoc tags and appends CustomFunctions.associate() calls to
      // functions.ts (see the note at the top of that file).
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // Then adds to functions.json what the generator cannot write (allowErrorForDataTypeAny).
      new CompleteFunctionsMetadataPlugin("functions.json"),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJs: true },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "data", to: "data", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (baseUrl ? rewriteManifestUrls(content.toString(), baseUrl) : content),
          },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      // The pages run under the add-in server's CSP here too, so a change that breaks it shows in `npm start`.
      headers: {
        "Access-Control-Allow-Origin": "*",
        "Content-Security-Policy": devPageCsp(DEV_PORT),
        "X-Content-Type-Options": "nosniff",
      },
      // Only `webpack serve` needs certificates; a plain build must not touch them (CI has none).
      server: env.WEBPACK_SERVE ? { type: "https", options: await httpsOptions() } : "https",
      proxy: [{ context: ["/api"], target: DATA_PROXY }],
      static: false,
      client: { overlay: { warnings: false } },
    },
  };

  // The same pane, standalone, for preview.html (no Office and no custom functions there), compiled on its
  // own: were it an entry of the add-in's compilation, each chunk loaded on first use would be shared with
  // it, and so would have to carry again every module functions.js already holds.
  const preview = {
    ...common,
    name: "preview",
    entry: { preview: "./src/taskpane/index.tsx" },
    output: {
      ...output,
      // Its chunks apart from the add-in's (both have an excel.js), under their own loading global.
      chunkFilename: "preview/[name].js",
      uniqueName: "council-benchmarks-preview",
      clean: { keep: (file) => !isPreviewAsset(file) },
    },
    optimization: { splitChunks },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["preview"],
        // No office.js: the preview must work offline and outside Office.
        templateParameters: { officeJs: false },
      }),
    ],
  };

  return [addin, preview];
};
