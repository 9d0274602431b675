import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import pg from "pg";

// What one operation costs on each side of a bench, independent of how busy the
// machine is (unlike the rates): database round trips counted at the driver
// (every query any code in this process sends) and this process's CPU time.
// The load generator's own CPU (fetch) is in both sides alike.
let roundTrips = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  roundTrips++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

export interface PerOp {
  ops: number;
  roundTrips: number;
  cpuUs: number;
}

export const emptyPerOp = (): PerOp => ({ ops: 0, roundTrips: 0, cpuUs: 0 });

/** Runs `fn` (which performs `ops` operations) and adds its round trips and CPU to `into`. */
export async function measured<T>(into: PerOp, ops: number, fn: () => Promise<T>): Promise<T> {
  const [trips0, cpu0] = [roundTrips, process.cpuUsage()];
  const out = await fn();
  const cpu = process.cpuUsage(cpu0);
  into.ops += ops;
  into.roundTrips += roundTrips - trips0;
  into.cpuUs += cpu.user + cpu.system;
  return out;
}

export const describePerOp = (p: PerOp) =>
  `${(p.roundTrips / p.ops).toFixed(1)} database round trips, node CPU ${(p.cpuUs / p.ops).toFixed(0)} µs per op`;

/**
 * A CPU profile of only the parts run inside `profiled` (e.g. Atrium's side of
 * a bench), written as a .cpuprofile for Chrome DevTools or `topFrames`.
 */
export async function startProfile(file: string | undefined) {
  if (!file) return { profiled: <T>(fn: () => Promise<T>) => fn(), stop: async () => {} };
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  let profile: unknown = null;
  return {
    profiled: async <T>(fn: () => Promise<T>) => {
      await session.post("Profiler.start");
      try {
        return await fn();
      } finally {
        const { profile: part } = await session.post("Profiler.stop");
        // Keep the largest run: every profiled run does the same work.
        if (!profile || (part as { samples: unknown[] }).samples.length > (profile as { samples: unknown[] }).samples.length) profile = part;
      }
    },
    stop: async () => {
      writeFileSync(file, JSON.stringify(profile));
      console.log(`\nCPU profile of the api's side: ${file} (top frames: tsx bench/top-frames.ts ${file})`);
      session.disconnect();
    },
  };
}
