// SIGTERM for the api: what an orchestrator sends before it replaces a replica.
import type { Server } from "node:http";
import type { Logger } from "@atrium/config";

export interface ShutdownOptions {
  server: Server;
  logger: Logger;
  /** How long in-flight requests get before their connections are closed. */
  timeoutMs: number;
  /** Pools and clients to close once no request can use them any more (queues, Postgres, Redis). */
  closers: Array<() => Promise<unknown>>;
  /** Run as soon as the signal arrives: ends long-lived responses (event streams) so they don't hold the shutdown to its deadline. */
  onStopping?: Array<() => unknown>;
}

/**
 * Stop accepting, let in-flight requests finish (bounded), then close the pools, flush the
 * logs and exit 0. A second signal exits at once with 1.
 */
export function installGracefulShutdown({ server, logger, timeoutMs, closers, onStopping = [] }: ShutdownOptions): void {
  let stopping = false;
  // Keep-alive clients are told to reconnect (to another replica) instead of reusing this socket.
  server.on("request", (_req, res) => {
    if (stopping) res.setHeader("Connection", "close");
  });

  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting without waiting");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, timeoutMs }, "shutting down: finishing in-flight requests");
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Streams end now; their clients reconnect (to another replica) with their last event id.
    for (const stop of onStopping) void Promise.resolve(stop()).catch((err: unknown) => logger.warn({ err }, "error while stopping streams"));
    // Sockets become idle as their last response ends; close each one then, not at the deadline.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => {
      logger.warn("in-flight requests still open at the deadline: closing their connections");
      server.closeAllConnections();
    }, timeoutMs);
    await closed;
    clearInterval(sweep);
    clearTimeout(deadline);
    const results = await Promise.allSettled(closers.map((close) => close()));
    const failed = results.filter((r) => r.status === "rejected");
    if (failed.length) logger.error({ errors: failed.map((r) => String((r as PromiseRejectedResult).reason)) }, "error while closing");
    logger.info("api stopped");
    logger.flush(() => process.exit(failed.length ? 1 : 0));
  };
  process.on("SIGTERM", (s) => void shutdown(s));
  process.on("SIGINT", (s) => void shutdown(s));
}
