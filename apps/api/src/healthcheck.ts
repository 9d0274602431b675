// `node --conditions=compiled apps/api/dist/healthcheck.js`: the container healthcheck of an api
// (no curl in the image). Healthy = /api/readyz/ answers 200 (Postgres and Redis reachable).
import { loadConfig } from "@atrium/config";

const { API_PORT } = loadConfig();
const ok = await fetch(`http://127.0.0.1:${API_PORT}/api/readyz/`, { signal: AbortSignal.timeout(3000) }).then(
  (res) => res.ok,
  () => false,
);
process.exit(ok ? 0 : 1);
