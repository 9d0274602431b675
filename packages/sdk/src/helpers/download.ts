import type { AtriumClient } from "../client.js";
import { restFetch, type RestTarget } from "../rest.js";

/**
 * A document's bytes as a stream, with its name: the api hands out a short-lived link
 * (`document.download`), which is fetched at once. Write the stream to a file; don't buffer it.
 */
export async function downloadDocument(client: AtriumClient, target: RestTarget, id: string, opts: { signal?: AbortSignal } = {}): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const [doc, link] = await Promise.all([client.documents.get.query({ id }, opts), client.documents.download.query({ id }, opts)]);
  // The link is absolute with S3 and may be relative (/api/files/...) with local storage.
  const url = new URL(link.url, target.baseUrl.replace(/\/?$/, "/"));
  const res = await restFetch({ ...target, retry: { timeoutMs: 0, ...target.retry } }, { path: "", url: url.toString(), signal: opts.signal, idempotent: true });
  if (!res.body) throw new Error("The download came back empty");
  return { filename: doc.filename, body: res.body };
}
