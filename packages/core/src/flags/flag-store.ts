import type { Logger } from "@atrium/config";
import type { DbOrTx } from "@atrium/db";
import { listFlags } from "./flag.repository.js";
import { ZFlagTargeting, type TFlagTargeting, type TFlagType } from "./flags.schema.js";

/** A flag as this process evaluates it: the targeting of its own environment. */
export interface FlagDefinition {
  key: string;
  type: TFlagType;
  targeting: TFlagTargeting;
}

/**
 * Every flag, in memory, for one environment: evaluation reads only this map, never the
 * database. `reload()` replaces the whole map at once; reloads run one after another, so the
 * last one asked for always reads after the change that asked for it.
 */
export class FlagStore {
  private flags = new Map<string, FlagDefinition>();
  private chain: Promise<void> = Promise.resolve();
  /** How many times the table was read (the bench and tests look at it). */
  loads = 0;

  constructor(private readonly opts: { db: DbOrTx; environment: string; logger: Logger }) {}

  get(key: string): FlagDefinition | undefined {
    return this.flags.get(key);
  }

  all(): FlagDefinition[] {
    return [...this.flags.values()];
  }

  reload(): Promise<void> {
    const next = this.chain.then(() => this.load());
    // A failed read keeps the last good map; the next change or the periodic refresh tries again.
    this.chain = next.catch((err: unknown) => this.opts.logger.error({ err }, "feature flags: reload failed"));
    return next;
  }

  private async load(): Promise<void> {
    const rows = await listFlags(this.opts.db);
    const map = new Map<string, FlagDefinition>();
    for (const row of rows) {
      const own = (row.environments as Record<string, unknown>)[this.opts.environment];
      const parsed = ZFlagTargeting.safeParse(own ?? row.targeting);
      if (!parsed.success) {
        this.opts.logger.error({ flag: row.key }, "feature flags: stored targeting is invalid; the flag is left out");
        continue;
      }
      map.set(row.key, { key: row.key, type: row.type as TFlagType, targeting: parsed.data });
    }
    this.flags = map;
    this.loads += 1;
  }
}
