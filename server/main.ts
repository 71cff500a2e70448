// Starts the add-in server: `npm run server` (PORT, HOST, STATIC_DIR, PROXY_ALLOW_HOSTS from the environment).

import { configFromEnv } from "./config.js";
import { createServer } from "./createServer.js";

const { port, host, options } = configFromEnv(process.env);
const server = createServer(options);
server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  console.log(`council-benchmarks server on http://${host}:${actualPort}/ (data proxy at /api/fetch?url=)`);
});
