// Plain HTTP requests as one caller of the isolation world.
import type { CallerSpec, World } from "./world.js";

export interface Probe {
  world: World;
  caller: CallerSpec;
  /** Whether the caller's credentials still work (false: disabled or soft-deleted). */
  active: boolean;
}

export async function http(p: Probe, method: string, path: string, init: { body?: RequestInit["body"]; json?: unknown; anonymous?: boolean } = {}) {
  const headers: Record<string, string> = init.anonymous ? {} : { authorization: `Bearer ${p.caller.token}` };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${p.world.api.url}${path}`, { method, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body, redirect: "manual" });
  return { status: res.status, text: await res.text() };
}
