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

/** Round trips the process has sent so far (for a bench that counts its own windows). */
export const roundTripsSoFar = () => roundTrips;

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

let backends: number[] = [];
/** The postmaster and its children (its backends); scanned outside the measured window, /proc is large. */
function findBackends(): void {
  backends = [];
  if (!postmaster) return;
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (pid === postmaster || ppid === postmaster) backends.push(pid);
    } catch {
      // gone meanwhile
    }
  }
}

/** Nanoseconds on CPU of each backend (a backend that ends or starts during a run drops out of it). */
function postgresCpuNs(): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of backends) {
    try {
      out.set(pid, Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Runs `fn` (which performs `ops` operations) and adds its round trips and CPU to `into`. */
export async function measured<T>(into: PerOp, ops: number, fn: () => Promise<T>): Promise<T> {
  findBackends();
  const pg0 = postgresCpuNs();
  const [trips0, cpu0] = [roundTrips, process.cpuUsage()];
  const out = await fn();
  const cpu = process.cpuUsage(cpu0);
  into.roundTrips += roundTrips - trips0;
  for (const [pid, ns] of postgresCpuNs()) {
    const before = pg0.get(pid);
    if (before !== undefined) into.pgCpuUs += (ns - before) / 1000;
  }
  into.ops += ops;
  into.cpuUs += cpu.user + cpu.system;
  return out;
}

export const describePerOp = (p: PerOp) =>
  `${(p.roundTrips / p.ops).toFixed(1)} round trips, CPU µs: node ${(p.cpuUs / p.ops).toFixed(0)}${postmaster ? ` + postgres ${(p.pgCpuUs / p.ops).toFixed(0)}` : ""} per op`;

interface CpuProfile {
  nodes: Array<{ id: number; children?: number[]; [k: string]: unknown }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Several profiles as one (their trees side by side under one root), so short runs add up to a readable profile. */
function mergeProfiles(parts: CpuProfile[]): CpuProfile {
  const root = { id: 1, callFrame: { functionName: "(root)", scriptId: "0", url: "", lineNumber: -1, columnNumber: -1 }, hitCount: 0, children: [] as number[] };
  const merged: CpuProfile = { nodes: [root], samples: [], timeDeltas: [], startTime: parts[0]?.startTime ?? 0, endTime: parts[0]?.startTime ?? 0 };
  let base = 1;
  for (const part of parts) {
    const maxId = Math.max(...part.nodes.map((n) => n.id));
    for (const n of part.nodes) merged.nodes.push({ ...n, id: n.id + base, children: n.children?.map((c) => c + base) });
    root.children.push((part.nodes[0]?.id ?? 0) + base);
    merged.samples.push(...part.samples.map((id) => id + base));
    merged.timeDeltas.push(...part.timeDeltas);
    merged.endTime += part.endTime - part.startTime;
    base += maxId;
  }
  return merged;
}

/**
 * A CPU profile of only the parts run inside `profiled` (e.g. Atrium's side of
 * a bench, every run of it merged), written as a .cpuprofile for Chrome DevTools
 * or bench/cpu-profile-top.ts.
 */
export async function startProfile(file: string | undefined) {
  if (!file) return { profiled: <T>(fn: () => Promise<T>) => fn(), stop: async () => {} };
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  const parts: CpuProfile[] = [];
  return {
    profiled: async <T>(fn: () => Promise<T>) => {
      await session.post("Profiler.start");
      try {
        return await fn();
      } finally {
        parts.push((await session.post("Profiler.stop")).profile as unknown as CpuProfile);
      }
    },
    stop: async () => {
      writeFileSync(file, JSON.stringify(mergeProfiles(parts)));
      console.log(`\nCPU profile: ${file} (top frames: tsx bench/cpu-profile-top.ts ${file})`);
      session.disconnect();
    },
  };
}
