# Shared by start.sh and test.sh: make sure the tools the project needs are here,
# installing them where this machine allows, else saying the one command to run.
PNPM_VERSION=12.21.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1;34m[atrium]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[atrium]\033[0m %s\n' "$*" >&2; exit 1; }

can_apt() { command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

APT_UPDATED=
apt_install() {
  [ -n "$APT_UPDATED" ] || { as_root apt-get update -qq >/dev/null; APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# pnpm: the pinned version on PATH, else corepack, else a local install in .tools/.
ensure_pnpm() {
  if [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then return; fi
  if [ -x "$ROOT/.tools/node_modules/.bin/pnpm" ]; then export PATH="$ROOT/.tools/node_modules/.bin:$PATH"; return; fi
  if command -v corepack >/dev/null 2>&1 && COREPACK_ENABLE_DOWNLOAD_PROMPT=0 timeout 60 corepack pnpm@"$PNPM_VERSION" --version >/dev/null 2>&1; then
    mkdir -p "$ROOT/.tools/bin"
    printf '#!/bin/sh\nexec corepack pnpm@%s "$@"\n' "$PNPM_VERSION" > "$ROOT/.tools/bin/pnpm"
    chmod +x "$ROOT/.tools/bin/pnpm"
    export PATH="$ROOT/.tools/bin:$PATH"
    return
  fi
  log "installing pnpm $PNPM_VERSION into .tools/ (corepack unavailable)"
  npm install --prefix "$ROOT/.tools" --no-audit --no-fund --silent "pnpm@$PNPM_VERSION" >/dev/null || die "could not install pnpm; run: npm i -g pnpm@$PNPM_VERSION"
  export PATH="$ROOT/.tools/node_modules/.bin:$PATH"
}

install_deps() {
  log "installing dependencies (pnpm $(pnpm --version))"
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=append-only >/dev/null) || (cd "$ROOT" && pnpm install --frozen-lockfile) || die "pnpm install failed"
}

ensure_redis() {
  [ -n "${REDIS_URL:-}" ] && return
  command -v redis-server >/dev/null 2>&1 && return
  if can_apt; then
    log "installing redis-server (Debian package)"
    apt_install redis-server || die "apt-get install redis-server failed"
    # Debian starts a system service on :6379; we run our own on a free port.
    (as_root systemctl disable --now redis-server >/dev/null 2>&1 || as_root service redis-server stop >/dev/null 2>&1) || true
  else
    die "redis-server is missing. Run: sudo apt-get install -y redis-server   (or set REDIS_URL)"
  fi
}

ensure_chromium() {
  [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ] && return
  command -v chromium >/dev/null 2>&1 && return
  if can_apt; then
    log "installing chromium (Debian package) for the e2e tests"
    apt_install chromium || die "apt-get install chromium failed"
  else
    die "chromium is missing. Run: sudo apt-get install -y chromium   (or set CHROMIUM_PATH)"
  fi
}
