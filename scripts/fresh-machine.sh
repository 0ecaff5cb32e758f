#!/usr/bin/env bash
# Runs the README's three commands as a newcomer would on a fresh machine of this kind, simulated:
# a private mount namespace with an empty tmpfs on /nix (Debian's nix-bin, nothing under /nix yet),
# the machine's own Node (/usr/bin/node) first on PATH, a fresh HOME and XDG directories, and a fresh
# clone of the committed HEAD. Prints the last lines of each command; exits non-zero on a failure.
# Needs root (unshare, mount). Usage: [GENTRY_FRESH_REV=COMMIT] scripts/fresh-machine.sh [--keep]
set -euo pipefail

if [ "${GENTRY_FRESH_INSIDE:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "fresh-machine: run as root (it mounts a tmpfs on /nix in a private namespace)" >&2; exit 1; }
  export GENTRY_FRESH_INSIDE=1 GENTRY_FRESH_SOURCE="$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)"
  exec unshare --mount --propagation private -- "$0" "$@"
fi

mount -t tmpfs -o mode=0755 gentry-fresh-nix /nix
tmp="$(mktemp -d /tmp/gentry-fresh-XXXXXX)"
keep="${1:-}"
cleanup() { [ "$keep" = --keep ] || rm -rf "$tmp"; }
trap cleanup EXIT

# The machine's Rust toolchain stays the machine's: rustup's cargo proxy finds its toolchains through
# RUSTUP_HOME (default ~/.rustup), so a fresh HOME alone would make cargo look uninstalled.
real_home="$HOME"
export RUSTUP_HOME="${RUSTUP_HOME:-$real_home/.rustup}" CARGO_HOME="${CARGO_HOME:-$real_home/.cargo}"
# nixpkgs' lib for the nix/ module tests stays the machine's too (shared/nixpkgs-lib beside the checkout).
export GENTRY_NIXPKGS_LIB="${GENTRY_NIXPKGS_LIB:-$(dirname "$GENTRY_FRESH_SOURCE")/shared/nixpkgs-lib/lib}"
# And the Guix oracle of the Guix reader tests (shared/guix-oracle), which CI finds beside its checkout.
export GUIX_ORACLE_DIR="${GUIX_ORACLE_DIR:-$(dirname "$GENTRY_FRESH_SOURCE")/shared/guix-oracle}"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_STATE_HOME="$tmp/home/.local/state"
export XDG_CACHE_HOME="$tmp/home/.cache" XDG_DATA_HOME="$tmp/home/.local/share"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
# The machine's Node first; cargo from where rustup put it for the real user (CI has it too).
cargo_bin="$(dirname "$(command -v cargo 2>/dev/null || echo "$CARGO_HOME/bin/cargo")")"
export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$cargo_bin"
unset NIX_CONFIG DISPLAY WAYLAND_DISPLAY GENTRY_HELPER npm_config_prefix
echo "fresh-machine: node $(node --version) at $(command -v node), npm $(npm --version), /nix empty: $(ls -A /nix | wc -l) entries, HOME=$HOME"

git clone -q "$GENTRY_FRESH_SOURCE" "$tmp/gentry"
cd "$tmp/gentry"
# GENTRY_FRESH_REV=COMMIT runs one given commit (several runs of the same tree); default: the HEAD.
if [ -n "${GENTRY_FRESH_REV:-}" ]; then git checkout -q --detach "$GENTRY_FRESH_REV"; fi
echo "fresh-machine: cloned $(git log --oneline -1)"

step() { # name, log file, command...
  local name="$1" log="$2"; shift 2
  echo "=== $name"
  if "$@" >"$log" 2>&1; then tail -n 5 "$log"; echo "=== $name: ok"
  else local rc=$?; tail -n 30 "$log"; echo "=== $name: FAILED (exit $rc)"; exit 1; fi
}

step "npm ci" "$tmp/ci.log" npm ci --no-audit --no-fund

echo "=== npm start"
setsid npm start >"$tmp/start.log" 2>&1 & # its own process group, so that one kill stops npm, start.js and the server
start_pid=$!
url=""
for _ in $(seq 1 1800); do # up to 180 s, polling the log the command writes; stops as soon as the line is there
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/[^ ]*' "$tmp/start.log" | head -n 1 || true)"
  [ -n "$url" ] && break
  kill -0 "$start_pid" 2>/dev/null || break
  sleep 0.1
done
status="$( [ -n "$url" ] && curl -s -o /dev/null -w '%{http_code}' "$url" || echo none)"
kill -TERM -- "-$start_pid" 2>/dev/null || true
wait "$start_pid" 2>/dev/null || true
tail -n 5 "$tmp/start.log"
if [ "$status" != 200 ]; then echo "=== npm start: FAILED (url: ${url:-none printed}, HTTP $status)"; exit 1; fi
echo "=== npm start: ok (HTTP $status from the printed URL)"

step "npm test" "$tmp/test.log" npm test
