// The bare baseline as its own process, shaped like the api's (apps/api/src/main.ts):
// one pool sized like the api's, listening on API_PORT. Forked by bench/me-throughput.bench.ts.
import { createDb } from "@atrium/db";
import { bareMeApp } from "./bare-me.js";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const { pool, close } = createDb(url);
const server = bareMeApp(pool).listen(Number(process.env.API_PORT), "127.0.0.1");
process.once("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => void close().finally(() => process.exit(0)));
});
