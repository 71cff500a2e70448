// Starts the add-in server: `npm run server` (PORT, HOST, STATIC_DIR, PROXY_ALLOW_HOSTS from the environment).
// A bad setting or a port already taken is one line on stderr and exit code 1, not a stack trace.

import { configFromEnv, type ServerConfig } from "./config.js";
import { createServer } from "./createServer.js";

function fail(message: string): never {
  console.error(`council-benchmarks server: ${message}`);
  process.exit(1);
}

let config: ServerConfig;
try {
  config = configFromEnv(process.env);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { port, host, options } = config;
const server = createServer(options);
server.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EADDRINUSE") fail(`port ${port} on ${host} is in use: stop what uses it, or set PORT`);
  if (error.code === "EACCES") fail(`not allowed to listen on port ${port}: set PORT to 1024 or above`);
  if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND")
    fail(`HOST ${host} is not an address of this machine`);
  fail(error.message);
});
server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  console.log(`council-benchmarks server on http://${host}:${actualPort}/ (data proxy at /api/fetch?url=)`);
});
