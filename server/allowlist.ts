// Which URLs the data proxy may fetch. Without these rules it would be an open relay that lets any page
// make requests from this machine, so every hop, including redirects, is checked here.

export const DEFAULT_ALLOW_HOSTS: readonly string[] = [
  "www.ons.gov.uk",
  "ons.gov.uk",
  "assets.publishing.service.gov.uk",
  "www.gov.uk",
  "explore-education-statistics.service.gov.uk",
  "content.explore-education-statistics.service.gov.uk",
  "raw.githubusercontent.com",
  // Which commit of the P153 mirror is newest (it dates the release); nothing else of GitHub's API.
  "api.github.com",
];

export interface TargetPolicy {
  /** Hosts as in a URL's `host`: a name with a port only when the port is not the default one. */
  allowHosts: ReadonlySet<string>;
  /** Tests only: also allow http to loopback addresses, where the fixture servers run. */
  allowHttpForTests: boolean;
}

export type TargetCheck = { ok: true; url: URL } | { ok: false; status: 400 | 403; error: string };

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** "a.gov.uk, B.gov.uk" → ["a.gov.uk", "b.gov.uk"] */
export function parseHostList(value: string): string[] {
  return value
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}

export function checkTarget(raw: string | null, policy: TargetPolicy): TargetCheck {
  if (!raw) return { ok: false, status: 400, error: "missing url parameter: use /api/fetch?url=<https URL>" };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, status: 400, error: `not a valid URL: ${raw}` };
  }
  const testHttp = policy.allowHttpForTests && url.protocol === "http:" && LOOPBACK.has(url.hostname);
  if (url.protocol !== "https:" && !testHttp) {
    return {
      ok: false,
      status: 400,
      error: `only https URLs can be fetched, not ${url.protocol}// (${raw})`,
    };
  }
  if (url.username || url.password)
    return { ok: false, status: 400, error: "URLs with credentials are not allowed" };
  if (!policy.allowHosts.has(url.host)) {
    const allowed = [...policy.allowHosts].join(", ");
    return { ok: false, status: 403, error: `host ${url.host} is not allowed (allowed hosts: ${allowed})` };
  }
  return { ok: true, url };
}
