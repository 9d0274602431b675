#!/usr/bin/env bash
# npm start: install, make sure Redis is available, build, then the compiled api (:8000, also
# serving the SPA), the built SPA on :3000 and the worker, on embedded Postgres + a local
# redis-server (scripts/start.ts). `npm run dev` (= start.sh dev): the same with hot reload
# (turbo dev: Vite's dev server on :3000, tsx watch; scripts/dev.ts).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
# An unset NODE_ENV means production (development defaults refused); npm start is development.
export NODE_ENV="${NODE_ENV:-development}"
ensure_pnpm
install_deps
ensure_redis
if [ "${1:-}" = dev ]; then
  shift
  exec pnpm exec tsx scripts/dev.ts "$@"
fi
exec pnpm exec tsx scripts/start.ts
