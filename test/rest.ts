// A tiny REST client for the process tests: what a curl user does, with a bearer token.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "@atrium/testing";

export const fixture = (name: string) => readFileSync(path.join(ROOT, "packages/core/test-fixtures", name));

export interface Json {
  status: number;
  body: Record<string, unknown> & { message?: string; id?: string; status?: string };
}

export async function call(base: string, method: string, route: string, token?: string, data?: unknown): Promise<Json> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (data !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${base}${route}`, { method, headers, body: data === undefined ? undefined : JSON.stringify(data), signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as Json["body"] };
  } catch {
    return { status: res.status, body: { message: text.slice(0, 200) } };
  }
}

export async function token(base: string, username: string, password: string): Promise<string> {
  const res = await call(base, "POST", "/api/auth/token/", undefined, { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return String(res.body.token);
}

export async function uploadFile(base: string, bearer: string, name: string, bytes: Uint8Array, fields: Record<string, string> = {}): Promise<Json> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([bytes]), name);
  const res = await fetch(`${base}/api/documents/`, { method: "POST", headers: { authorization: `Bearer ${bearer}` }, body: form, signal: AbortSignal.timeout(30_000) });
  return { status: res.status, body: (await res.json()) as Json["body"] };
}

const TERMINAL = new Set(["success", "failed", "cancelled"]);

/** Polls a job until it ends (or the time is up); returns its last state. */
export async function waitForJob(base: string, bearer: string, id: string, timeoutMs = 60_000): Promise<Json["body"]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await call(base, "GET", `/api/jobs/${id}/`, bearer).catch(() => undefined);
    if (res?.status === 200 && TERMINAL.has(String(res.body.status))) return res.body;
    if (Date.now() > deadline) return res?.body ?? {};
    await new Promise((r) => setTimeout(r, 150));
  }
}
