import { ConfigError, loadConfig, type Env } from "./env.js";

/** The environment (+ the root .env), or a list of what is wrong and exit code 1: never a stack trace. */
export function configOrExit(): Env {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
