// Server settings from the environment, kept apart from main.ts so they can be tested.

import { parseHostList } from "./allowlist.js";
import type { ServerOptions } from "./createServer.js";

export interface ServerConfig {
  port: number;
  host: string;
  options: ServerOptions;
}

export function configFromEnv(env: Record<string, string | undefined>): ServerConfig {
  const port = Number(env.PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const allowHosts = env.PROXY_ALLOW_HOSTS ? parseHostList(env.PROXY_ALLOW_HOSTS) : undefined;
  // allowHttpForTests is deliberately not configurable here: production fetches https only.
  return { port, host: env.HOST || "127.0.0.1", options: { staticDir: env.STATIC_DIR, allowHosts } };
}
