// The data proxy under a burst: 40 clients at once each asking for a different 19 MB file. Peak memory
// (RSS over the idle server) with the proxy's limits, against the same proxy with the limits lifted (as it
// was before them). Each run in its own process so one's garbage does not count in the other's.
// Run: node --import tsx bench/proxyLoad.ts
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createServer } from "../server/createServer.js";
import { listen } from "../test/support/listen.js";

const FILE = 19 * 1024 * 1024;
const CLIENTS = 40;

async function measure(limited: boolean): Promise<void> {
  // The publisher: a 19 MB body in 64 KB chunks, a little at a time as a real download arrives.
  const publisher: typeof fetch = async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        if (sent >= FILE) return c.close();
        if (sent % (1 << 20) === 0) await new Promise((ok) => setTimeout(ok, 5));
        c.enqueue(new Uint8Array(64 * 1024).fill(44));
        sent += 64 * 1024;
      },
    });
    return new Response(body, { headers: { "content-type": "text/csv" } });
  };
  const lifted = { maxDownloads: 1e6, maxBufferedBytes: Number.MAX_SAFE_INTEGER };
  const proxy = await listen(
    createServer({
      allowHosts: ["publisher.test"],
      fetchImpl: publisher,
      cacheTtlMs: 0,
      ...(limited ? {} : lifted),
    }),
  );
  const idle = process.memoryUsage().rss;
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const statuses = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const r = await fetch(`${proxy.url}/api/fetch?url=https://publisher.test/f${i}.csv`);
      await r.arrayBuffer();
      return r.status;
    }),
  );
  clearInterval(sampler);
  await proxy.close();
  const served = statuses.filter((s) => s === 200).length;
  const busy = statuses.filter((s) => s === 503).length;
  console.log(JSON.stringify({ limited, peakMb: Math.round((peak - idle) / 2 ** 20), served, busy }));
}

if (process.argv[2]) await measure(process.argv[2] === "limited");
else {
  const results = ["unlimited", "limited"].map((mode) => {
    const out = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), mode], {
      encoding: "utf8",
    });
    return JSON.parse(out.stdout.trim().split("\n").at(-1)!) as {
      peakMb: number;
      served: number;
      busy: number;
    };
  });
  const [before, after] = results;
  console.log(`${CLIENTS} clients at once, 19 MB files each:`);
  console.log(`  without limits: ${before.peakMb} MB over idle, ${before.served} served`);
  console.log(
    `  with limits:    ${after.peakMb} MB over idle, ${after.served} served, ${after.busy} told 503`,
  );
  console.log(`  memory ratio (with / without): ${(after.peakMb / before.peakMb).toFixed(2)}`);
}
