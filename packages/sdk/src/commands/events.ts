import type { Command } from "commander";
import type { CliContext } from "../cli/context.js";
import { printLines } from "../cli/output.js";
import { subscribeEvents } from "../helpers/events.js";

/** `atrium events`: tails your live events (GET /api/events/) until interrupted. */
export function registerEvents(program: Command, ctx: CliContext): void {
  program
    .command("events")
    .description("tail your live events (messages, notifications, jobs, balance; staff views for staff) until Ctrl-C")
    .option("--since <id>", "replay from the backlog after this event id first")
    .option("--json", "print one JSON envelope per line (NDJSON)")
    .option("--count <n>", "exit after this many events", (v) => Number.parseInt(v, 10))
    .action(async (opts: { since?: string; json?: boolean; count?: number }, cmd: Command) => {
      const { target } = await ctx.client(cmd);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      let seen = 0;
      process.once("SIGINT", onSignal);
      try {
        await subscribeEvents(
          { baseUrl: target.url, token: target.token },
          {
            lastEventId: opts.since,
            signal: stop.signal,
            onEvent: (e) => {
              if (opts.json) ctx.io.stdout.write(`${JSON.stringify(e)}\n`);
              else printLines(ctx.io, `${e.id}  ${e.at}  ${e.event.type}  ${JSON.stringify({ ...e.event, type: undefined })}`);
              if (opts.count && ++seen >= opts.count) stop.abort();
            },
          },
        );
      } finally {
        process.off("SIGINT", onSignal);
      }
    });
}
