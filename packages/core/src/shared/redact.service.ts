/**
 * Credentials inside URLs: the reset, invitation and verification links we
 * email, signed download links, checkout ids. Request logs and delivered
 * emails keep the URL's shape and lose the secret.
 */
export const REDACTED = "[redacted]";

/** Query parameters that carry credentials (tRPC's `input` can hold them too). */
const SECRET_PARAMS = new Set(["token", "sig", "signature", "invitation", "input", "password", "secret", "code", "api_key", "apikey"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Long opaque segments with digits are tokens (invitation links, checkout ids); ids (UUIDs) and words stay readable. */
const tokenLike = (segment: string) => segment.length >= 20 && !UUID.test(segment) && /^[A-Za-z0-9_\-.~%=]+$/.test(segment) && /\d/.test(segment);

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The URL (absolute or a path) with token-like path segments and credential query values replaced by [redacted]. */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  const head = q < 0 ? url : url.slice(0, q);
  const search = q < 0 ? "" : url.slice(q + 1);
  // The scheme and host ("https://host") are kept as they are; only path segments are judged.
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(head)?.[0] ?? "";
  const safePath = head
    .slice(origin.length)
    .split("/")
    .map((s) => (tokenLike(s) ? REDACTED : s))
    .join("/");
  if (!search) return origin + safePath;
  const safeSearch = search
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      // "amp;" when the URL sits HTML-escaped in an email body.
      const name = decodeSafe(eq < 0 ? pair : pair.slice(0, eq))
        .replace(/^amp;/, "")
        .toLowerCase();
      return SECRET_PARAMS.has(name) && eq >= 0 ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    })
    .join("&");
  return `${origin}${safePath}?${safeSearch}`;
}

/** Every http(s) link in a text or HTML body, redacted as redactUrl does. */
export const redactLinks = (body: string) => body.replace(/https?:\/\/[^\s"'<>]+/g, (url) => redactUrl(url));
