// A request written byte by byte over a socket, for what fetch won't do: announce a body and
// never send it, or keep streaming after the server has answered.
import { connect } from "node:net";

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends `head` (request line + headers, without the blank line) and then `chunks`,
 * stopping early once the server answers or closes. Resolves null when no answer
 * arrives within `waitMs` (the server is still waiting for the body).
 */
export function rawRequest(baseUrl: string, head: string, chunks: Iterable<Buffer | string> = [], waitMs = 5_000): Promise<RawResponse | null> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (r: RawResponse | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish(null), waitMs);
    const tryParse = (final: boolean) => {
      const text = received.toString("utf8");
      const split = text.indexOf("\r\n\r\n");
      if (split < 0) return final ? finish(null) : undefined;
      const [statusLine = "", ...lines] = text.slice(0, split).split("\r\n");
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
      const body = text.slice(split + 4);
      const length = Number(headers["content-length"] ?? NaN);
      if (final || Buffer.byteLength(body) >= length) finish({ status: Number(statusLine.split(" ")[1]), headers, body });
    };
    socket.on("data", (b: Buffer) => {
      received = Buffer.concat([received, b]);
      tryParse(false);
    });
    socket.on("end", () => tryParse(true));
    socket.on("close", () => tryParse(true));
    socket.on("error", () => tryParse(true));
    socket.on("connect", async () => {
      socket.write(`${head}\r\nHost: ${hostname}:${port}\r\n\r\n`);
      for (const chunk of chunks) {
        if (done || socket.destroyed || received.length > 0) return;
        if (!socket.write(chunk)) await new Promise((r) => socket.once("drain", r).once("close", r));
      }
    });
  });
}
