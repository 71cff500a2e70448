// Builds the add-in into dist/ (or $BUILD_OUT): taskpane.html loads functions.js (custom functions and ribbon
// commands) and then taskpane.js into one shared runtime; preview.html loads only preview.js, the same task
// pane on its own, for use without Excel.
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { rewriteManifestUrls } from "./scripts/manifest-url.mjs";

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

export default async (env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = process.env.ADDIN_BASE_URL;

  return {
    // Plain source maps: the default dev devtool wraps modules in eval(), which the functions runtime
    // and strict CSPs may refuse.
    devtool: "source-map",
    // Entry order is the script order in taskpane.html: functions must register before the pane renders.
    entry: {
      // Standalone (it holds the webpack runtime): Excel's JavaScript-only custom functions runtime loads
      // it on its own. The ribbon commands ride along (tiny, and they use the same Excel adapter).
      functions: ["./src/functions/functions.ts", "./src/commands/commands.ts"],
      // The pane in taskpane.html, after functions.js: every module functions.js already holds (the core,
      // the Excel adapter) is taken from there instead of being shipped twice.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
      // The same pane, standalone, for preview.html (no Office and no custom functions there).
      preview: "./src/taskpane/index.tsx",
      // The worker that reads publishers' files off the pane's thread, an entry of its own (its own runtime
      // and the readers): webpack's new URL(..., import.meta.url) would put document.baseURI into
      // functions.js's runtime, which must also load where there is no document.
      "publisher-worker": "./src/workers/publisherWorker.ts",
      // Loaded by no page: puts readInWorker on globalThis for the e2e test and a browser's console.
      "worker-hook": "./src/workers/hook.ts",
    },
    output: {
      path: resolve(root, process.env.BUILD_OUT || "dist"),
      filename: "[name].js",
      // functions.js must also run where only Office/CustomFunctions exist (no window/self).
      globalObject: "globalThis",
      // Relative URLs, so the same build works at any ADDIN_BASE_URL path.
      publicPath: "",
      clean: true,
    },
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
    // Nothing is split out of an entry, so functions.js stays standalone; taskpane.js runs on its runtime.
    // Size budget: test/foundation/bundleSize.test.ts.
    optimization: { runtimeChunk: false, splitChunks: false },
    performance: { hints: false },
    plugins: [
      // Writes functions.json from the JSDoc tags and appends CustomFunctions.associate() calls to
      // functions.ts (see the note at the top of that file).
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJs: true },
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["preview"],
        // No office.js: the preview must work offline and outside Office.
        templateParameters: { officeJs: false },
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
      headers: { "Access-Control-Allow-Origin": "*" },
      // Only `webpack serve` needs certificates; a plain build must not touch them (CI has none).
      server: env.WEBPACK_SERVE ? { type: "https", options: await httpsOptions() } : "https",
      proxy: [{ context: ["/api"], target: DATA_PROXY }],
      static: false,
      client: { overlay: { warnings: false } },
    },
    stats: dev ? "minimal" : "normal",
  };
};
