// The pane's Content-Security-Policy, in plain JavaScript so that both the add-in's server (TypeScript) and
// the webpack dev server of `npm start` (webpack.config.js) send the same one.

/**
 * Scripts only from this origin and Office.js's CDN (which loads its host scripts from there too). Inline
 * styles are allowed because Fluent UI's Griffel and Office.js's excel-web script insert style elements
 * (office-js #1687); nothing else is inline. No frame-ancestors: Office hosts the pane in frames on domains
 * that vary (office-js-docs-pr #4911). `connect` adds origins the page may open connections to.
 */
export function pageCsp(connect = []) {
  return [
    "default-src 'self'",
    "script-src 'self' https://appsforoffice.microsoft.com",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    ["connect-src 'self' https://appsforoffice.microsoft.com", ...connect].join(" "),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** What the add-in's own server sends with its pages. */
export const PAGE_CSP = pageCsp();

/**
 * What the dev server sends: the same, plus its hot-reload websocket. Browsers that predate CSP 3 do not
 * count wss: of the same host as 'self', hence the explicit origin.
 */
export function devPageCsp(port) {
  return pageCsp([`wss://localhost:${port}`]);
}
