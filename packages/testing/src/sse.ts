import { createParser } from "eventsource-parser";

/**
 * Reads a text/event-stream body as curl -N would and hands over each event's
 * data, until the server ends the stream or the caller aborts the request.
 */
export async function readSseData(body: ReadableStream<Uint8Array>, onData: (data: string) => void): Promise<void> {
  const parser = createParser({ onEvent: (event) => onData(event.data) });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  for (;;) {
    // An aborted request rejects the read: for a reader that is the stream's end.
    const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
    if (done) return;
    parser.feed(decoder.decode(value, { stream: true }));
  }
}
