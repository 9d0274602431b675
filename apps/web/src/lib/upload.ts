import { CSRF_HEADER } from "@atrium/sdk";

/**
 * Multipart uploads with progress. fetch() can't report upload progress, so
 * this is XMLHttpRequest; same origin, so the session cookie rides along.
 */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly cancelled = false,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

export interface UploadHandle<T> {
  done: Promise<T>;
  abort: () => void;
}

/** The api's error body (`{ message }`, or tRPC's `{ error: { message } }`), else a sentence for the status. */
function messageOf(status: number, body: unknown): string {
  if (body && typeof body === "object") {
    const record = body as { message?: unknown; error?: { message?: unknown } };
    if (typeof record.message === "string" && record.message) return record.message;
    if (typeof record.error?.message === "string" && record.error.message) return record.error.message;
  }
  if (status === 413) return "The file is too large.";
  if (status === 415) return "This type of file isn't supported.";
  if (status === 0) return "Can't reach the server. Check your connection and try again.";
  return `The upload failed (HTTP ${status}).`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function uploadForm<T>(url: string, form: FormData, onProgress: (fraction: number) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    // A multipart body isn't JSON, so the api's CSRF check wants this header with the session cookie.
    xhr.setRequestHeader(CSRF_HEADER, "1");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new UploadError(messageOf(xhr.status, body), xhr.status));
    };
    // The server may answer 413 and close before the body is sent: browsers then report a network error.
    xhr.onerror = () => reject(new UploadError(messageOf(xhr.status, undefined), xhr.status));
    xhr.onabort = () => reject(new UploadError("Upload cancelled.", 0, true));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
