#!/usr/bin/env bash
# npm start: install, make sure Redis is available, then api :8000, web :3000
# and the worker on embedded Postgres + a local redis-server (see scripts/dev.ts).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_pnpm
install_deps
ensure_redis
exec pnpm exec tsx scripts/dev.ts
