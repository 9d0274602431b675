#!/usr/bin/env bash
# npm test: install what the tests need (pnpm deps, redis-server, chromium),
# then lint, typecheck, build, unit + integration tests, e2e in Chromium.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_pnpm
install_deps
ensure_redis
ensure_chromium

results="$ROOT/.data/test-results"
rm -rf "$results" && mkdir -p "$results"
# Wall time of each stage, printed by test-summary.mjs with the slowest files (issue 13: npm test ≤ 10 min on 2 cores).
started=$SECONDS
stage_done() { echo "$1 $((SECONDS - started)) s" >> "$results/stages.txt"; started=$SECONDS; }

log "lint, typecheck, build"
# turbo's cache outside the checkout: a fresh clone on the same machine (CI) replays what did not change.
# lint and typecheck depend on a `transit` node (turbo.json), so a change in a package re-checks its dependents.
pnpm exec turbo run lint typecheck build --output-logs=errors-only --cache-dir="${ATRIUM_TURBO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/atrium/turbo}"
pnpm exec tsc --noEmit -p tsconfig.json
pnpm exec eslint test
# Import boundaries across the whole tree, tests included (.dependency-cruiser.cjs).
pnpm lint:boundaries
stage_done "lint+typecheck+build"

# An unset NODE_ENV means production; the tests run with the test defaults (not the build: vite keeps a set NODE_ENV).
log "unit and integration tests (embedded Postgres + redis-server)"
NODE_ENV=test pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$results/integration.json"
stage_done "integration"

log "end-to-end tests (headless Chromium)"
NODE_ENV=test pnpm exec vitest run --config apps/web/e2e/vitest.config.ts --reporter=default --reporter=json --outputFile.json="$results/e2e.json"
stage_done "e2e"

node scripts/test-summary.mjs "$results"/*.json
