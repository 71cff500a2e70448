// Rewrites the dev-server origin in manifest.xml for a deployment. Shared by webpack.config.js (which
// applies it when ADDIN_BASE_URL is set) and the foundation tests, so both see the same behaviour.

export const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Replaces every occurrence of the dev base URL with `baseUrl`. Office requires HTTPS for every
 * manifest URL, so anything else is rejected here rather than failing later at sideload time.
 * @param {string} xml manifest text
 * @param {string} baseUrl e.g. "https://host/path/" (a missing trailing slash is added)
 * @returns {string}
 */
export function rewriteManifestUrls(xml, baseUrl) {
  let parsed;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a valid URL: ${baseUrl}`);
  }
  if (parsed.protocol !== "https:") throw new Error(`ADDIN_BASE_URL must use https: ${baseUrl}`);
  // A query or fragment would end up in the middle of every rewritten URL.
  if (parsed.search || parsed.hash)
    throw new Error(`ADDIN_BASE_URL must not have a query or fragment: ${baseUrl}`);
  // href is normalised and percent-encoded, so it is safe inside an XML attribute.
  const base = parsed.href.endsWith("/") ? parsed.href : `${parsed.href}/`;
  // split/join rather than String.replace: replace() with a string pattern changes only the first match.
  return xml.split(DEV_BASE_URL).join(base);
}
