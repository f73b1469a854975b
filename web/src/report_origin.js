// Where a framed page may send its messages (quiz results, the embed's height): the author
// names the parent page's origin with report-origin, and postMessage then delivers only to a
// parent on that origin. '*' (any page at all) only when the author writes it. Pure: no DOM.

/**
 * Reads a report-origin value.
 * @param {string} value what the author wrote: '*', or an origin such as https://lessons.example.org
 * @returns {{ target: string } | { error: string }} the postMessage target, or why the value is
 *   not one (in English, for tests and the console; the elements show their own words)
 */
export function parseReportOrigin(value) {
  const text = String(value).trim();
  if (text === '*') return { target: '*' };
  let url;
  try {
    url = new URL(text);
  } catch {
    return { error: `“${text}” is not an address` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `“${text}” is not an http or https origin` };
  // An origin has no path: a path would look like a restriction to one page and is not one.
  // A lone trailing slash (what a browser's address bar shows) is harmless, so it is allowed.
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    return { error: `“${text}” has more than an origin (scheme, host and port, no path)` };
  }
  // postMessage has no wildcards inside an origin: "https://*.example.org" would match no page.
  if (url.hostname.includes('*')) return { error: `“${text}” has a wildcard in its host, which matches no page` };
  return { target: url.origin };
}

/**
 * The origin of the page around this one, when the browser says it: location.ancestorOrigins
 * (Chromium, Safari), otherwise the referrer (the page that loaded the frame; a platform can
 * withhold it with its referrer policy). null when neither is known or it is opaque.
 * @param {{ ancestorOrigins?: ArrayLike<string> }} location
 * @param {string} referrer document.referrer
 */
export function parentOrigin(location, referrer) {
  const candidates = [location.ancestorOrigins?.[0], referrer];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const { protocol, origin } = new URL(candidate);
      if (protocol === 'https:' || protocol === 'http:') return origin;
    } catch {
      // "null" (a sandboxed or data: parent) names no origin a message could go to
    }
  }
  return null;
}
