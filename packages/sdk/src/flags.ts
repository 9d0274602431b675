import type { AtriumClient } from "./client.js";

/** A flag's value as the api evaluated it: its type is the flag's (boolean, string, number or JSON). */
export type FlagValue = boolean | number | string | unknown[] | Record<string, unknown>;

/**
 * The caller's feature flags, key → value, for their home account or `accountId`, evaluated
 * by the api (GET /api/flags/). A flag the api doesn't know is simply absent.
 */
export async function flags(client: AtriumClient, options: { accountId?: string } = {}): Promise<Record<string, FlagValue>> {
  const answer = await client.flags.mine.query(options.accountId ? { accountId: options.accountId } : {});
  return answer.flags as Record<string, FlagValue>;
}

/** Whether a boolean flag is on for the caller (false when it is off, absent or not boolean). */
export async function isFlagOn(client: AtriumClient, key: string, options: { accountId?: string } = {}): Promise<boolean> {
  return (await flags(client, options))[key] === true;
}
