// The bare baseline as its own process, shaped like the api's (apps/api/src/main.ts):
// one pool sized like the api's, listening on API_PORT. Forked by bench/me-throughput.bench.ts.
import { loadConfig } from "@atrium/config";
import { createDb } from "@atrium/db";
import { bareMeApp } from "./bare-me.js";

// The same environment the api child gets, read the same way.
const config = loadConfig();
if (!config.DATABASE_URL) throw new Error("DATABASE_URL is required");
const { pool, close } = createDb(config.DATABASE_URL);
const server = bareMeApp(pool).listen(config.API_PORT, "127.0.0.1");
process.once("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => void close().finally(() => process.exit(0)));
});
