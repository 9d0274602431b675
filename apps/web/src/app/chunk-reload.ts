/**
 * After a deploy, a tab still running the old build asks for lazy chunks whose
 * hashed files are gone. One reload fetches the new index.html and chunks; the
 * timestamp in sessionStorage stops a reload loop when the chunk is missing for
 * another reason (offline, a broken deploy).
 */
const KEY = "atrium:chunk-reload-at";
const LOOP_GUARD_MS = 30_000;

/** Chromium, Firefox and Safari word it differently; Vite's preload helper adds its own. */
const CHUNK_ERRORS = [/Failed to fetch dynamically imported module/i, /error loading dynamically imported module/i, /Importing a module script failed/i, /Unable to preload CSS/i];

export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return CHUNK_ERRORS.some((re) => re.test(message));
}

/** Reloads the page unless it did so for a missing chunk moments ago; returns whether it did. */
export function reloadOnceForChunkError(storage: Storage = sessionStorage, now = Date.now()): boolean {
  const last = Number(storage.getItem(KEY) ?? 0);
  if (now - last < LOOP_GUARD_MS) return false;
  storage.setItem(KEY, String(now));
  window.location.reload();
  return true;
}
