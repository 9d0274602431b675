import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Session } from "node:inspector/promises";
import pg from "pg";

// What one operation costs on each side of a bench, independent of how busy the
// machine is (unlike the rates): database round trips counted at the driver
// (every query any code in this process sends) and this process's CPU time.
// The load generator's own CPU (fetch) is in both sides alike. With the cluster's
// data dir, also Postgres' CPU (every backend of it, from /proc/<pid>/schedstat, ns):
// on a 2-core machine the two share, so their sum is what a rate is made of.
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
  pgCpuUs: number;
}

export const emptyPerOp = (): PerOp => ({ ops: 0, roundTrips: 0, cpuUs: 0, pgCpuUs: 0 });

let postmaster = 0;
/** Counts the CPU of the Postgres cluster in `dataDir` too (Linux only; silently 0 elsewhere). */
export function watchPostgres(dataDir: string): void {
  try {
    postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    postmaster = 0;
  }
}

/** Nanoseconds on CPU of the postmaster and its children, by pid (a backend that ends between two reads drops out). */
function postgresCpuNs(): Map<number, number> {
  const out = new Map<number, number>();
  if (!postmaster) return out;
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (pid !== postmaster && ppid !== postmaster) continue;
      out.set(pid, Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Runs `fn` (which performs `ops` operations) and adds its round trips and CPU to `into`. */
export async function measured<T>(into: PerOp, ops: number, fn: () => Promise<T>): Promise<T> {
  const [trips0, cpu0, pg0] = [roundTrips, process.cpuUsage(), postgresCpuNs()];
  const out = await fn();
  const cpu = process.cpuUsage(cpu0);
  for (const [pid, ns] of postgresCpuNs()) into.pgCpuUs += (ns - (pg0.get(pid) ?? 0)) / 1000;
  into.ops += ops;
  into.roundTrips += roundTrips - trips0;
  into.cpuUs += cpu.user + cpu.system;
  return out;
}

export const describePerOp = (p: PerOp) =>
  `${(p.roundTrips / p.ops).toFixed(1)} round trips, CPU µs: node ${(p.cpuUs / p.ops).toFixed(0)}${postmaster ? ` + postgres ${(p.pgCpuUs / p.ops).toFixed(0)}` : ""} per op`;

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
