// For tests that read the build's configuration (test/e2e/devServer.e2e.ts).
import type { Configuration } from "webpack";
import type { Configuration as DevServerConfiguration } from "webpack-dev-server";

type Config = Configuration & { devServer?: DevServerConfiguration };
declare function makeConfigs(env: Record<string, unknown>, argv: { mode?: string }): Promise<Config[]>;
export default makeConfigs;
