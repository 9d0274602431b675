#!/usr/bin/env bash
# npm start: install, make sure Redis is available, then api :8000, web :3000
# and the worker on embedded Postgres + a local redis-server (see scripts/dev.ts).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
# An unset NODE_ENV means production (development defaults refused); npm start is development.
export NODE_ENV="${NODE_ENV:-development}"
ensure_pnpm
install_deps
ensure_redis
exec pnpm exec tsx scripts/dev.ts
