import type { Command } from "commander";
import { createClient, type AtriumClient } from "../client.js";
import { configPath, readConfig, writeConfig, type StoredConfig } from "./config-store.js";
import { CliError, type CliIo } from "./io.js";

export interface GlobalOptions {
  url?: string;
  token?: string;
}

export interface Target {
  url: string;
  token: string | undefined;
  /** The token is the stored login's (not a flag or env var). */
  storedToken: boolean;
}

/** What every command gets: its process, the config file, and how to reach the api. */
export interface CliContext {
  io: CliIo;
  configFile: string;
  readConfig: () => Promise<StoredConfig>;
  writeConfig: (config: StoredConfig) => Promise<void>;
  /** URL and token from flags, then ATRIUM_URL / ATRIUM_TOKEN, then the stored login. */
  target: (cmd: Command) => Promise<Target>;
  /** A client for the target; fails with a hint when no token is known. */
  client: (cmd: Command) => Promise<{ client: AtriumClient; target: Target }>;
}

export function createCliContext(io: CliIo): CliContext {
  const configFile = configPath(io.env);
  const ctx: CliContext = {
    io,
    configFile,
    readConfig: () => readConfig(configFile),
    writeConfig: (config) => writeConfig(configFile, config),
    target: async (cmd) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const stored = await ctx.readConfig();
      const url = opts.url ?? io.env.ATRIUM_URL ?? stored.url;
      if (!url) throw new CliError("No API URL: pass --url, set ATRIUM_URL, or run `atrium login --url <url>`");
      const explicit = opts.token ?? io.env.ATRIUM_TOKEN;
      // The stored token belongs to the stored server; never send it to another one.
      const storedToken = !explicit && stored.token !== undefined && sameOrigin(stored.url, url);
      return { url: normalizeUrl(url), token: explicit ?? (storedToken ? stored.token : undefined), storedToken };
    },
    client: async (cmd) => {
      const target = await ctx.target(cmd);
      if (!target.token) throw new CliError("Not logged in: run `atrium login`, or pass --token / set ATRIUM_TOKEN");
      return { client: createClient({ baseUrl: target.url, token: target.token, retry: { retries: 2, maxDelayMs: 10_000 } }), target };
    },
  };
  return ctx;
}

export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`Not a URL: ${url}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new CliError(`Not an http(s) URL: ${url}`);
  return parsed.toString().replace(/\/+$/, "");
}

function sameOrigin(a: string | undefined, b: string): boolean {
  try {
    return a !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
