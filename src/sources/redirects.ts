// Redirects followed by hand, each hop checked as the data proxy checks them (server/upstream.ts): fetch's
// own following would take a file asked for over https from a redirect down to http without a word.

import { discardBody } from "./readBody.js";
import { SourceError } from "./sourceError.js";

export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The response at the end of the redirects from `start` (the address requested, perhaps through the
 * proxy); `url` is the user's address, for messages. A redirect leaving https is refused before its
 * target is contacted.
 */
export async function fetchFollowing(
  doFetch: typeof fetch,
  url: string,
  start: string,
  init: RequestInit,
): Promise<Response> {
  let from = start;
  for (let hops = 0; ; hops++) {
    const response = await doFetch(from, { ...init, redirect: "manual" });
    if (response.type === "opaqueredirect") {
      // A browser hides where a redirect leads (only the add-in's own files get here, as the proxy
      // follows publishers' redirects): let it follow, then check where the file came from.
      const followed = await doFetch(from, { ...init, redirect: "follow" });
      if (followed.url) checkHop(url, from, followed.url);
      return followed;
    }
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get("location") : null;
    if (location === null) return response;
    await discardBody(response);
    if (hops >= MAX_REDIRECTS) throw new SourceError("redirect", url, `more than ${MAX_REDIRECTS} redirects`);
    from = checkHop(url, from, location);
  }
}

/** Where the redirect from `from` leads, refusing one from https to anything else. */
function checkHop(url: string, from: string, location: string): string {
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw new SourceError("redirect", url, `${from} redirected to an address that is not valid: ${location}`);
  }
  if (/^https:/i.test(from) && to.protocol !== "https:")
    throw new SourceError(
      "redirect",
      url,
      `refused the redirect from ${from} to ${to.href}, which leaves https (the file could be altered on the way)`,
    );
  return to.href;
}
