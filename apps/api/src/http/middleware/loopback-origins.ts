const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The configured origins plus, for each loopback one, its loopback twins (same scheme and port):
 * `vite preview` prints http://127.0.0.1:3000 while PUBLIC_URL names localhost, and it is the same
 * machine and port either way. Only loopback origins get twins; a real host is taken as written.
 */
export function withLoopbackTwins(origins: readonly string[]): string[] {
  const out = new Set<string>();
  for (const origin of origins) {
    out.add(origin);
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      continue;
    }
    if (!LOOPBACK_HOSTS.includes(url.hostname)) continue;
    for (const host of LOOPBACK_HOSTS) {
      url.hostname = host;
      out.add(url.origin);
    }
  }
  return [...out];
}
