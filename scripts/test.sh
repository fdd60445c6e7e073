#!/usr/bin/env bash
# Runs every SeqLab test, installing what is missing first: formatting, clippy (warnings denied,
# native and wasm32), native cargo test, browser unit tests (wasm-bindgen-test) in headless
# Chromium and headless Firefox, a release trunk build, and the end-to-end tests against that
# build in both browsers. Idempotent; fast once everything is installed and built.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"

started=$SECONDS
# One-shot builds gain nothing from incremental caches, which would add gigabytes to the target dir.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
step() {
  local name="$1"; shift
  local t=$SECONDS
  log "$name"
  "$@"
  printf '    (%s: %ss)\n' "$name" "$((SECONDS - t))"
}

# Debian's packages download while the Rust tools compile.
apt_log="$(mktemp)"
ensure_apt_packages >"$apt_log" 2>&1 &
apt_pid=$!
step "build tools" ensure_build_tools
step "geckodriver" ensure_geckodriver
if ! wait "$apt_pid"; then cat "$apt_log"; echo "apt-get failed" >&2; exit 1; fi
cat "$apt_log"

step "cargo fmt --check" cargo fmt --all -- --check
step "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)" cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
step "cargo test (native)" cargo test --locked
step "browser unit tests: Chromium" env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --locked --target wasm32-unknown-unknown --test web
step "browser unit tests: Firefox" env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" \
  cargo test --locked --target wasm32-unknown-unknown --test web
step "trunk build --release" trunk build --release
step "end-to-end tests (Chromium, Firefox)" node tests/e2e/run.mjs

echo
for wasm in dist/*.wasm; do
  printf 'release %s: %s bytes raw, %s bytes gzip\n' "$(basename "$wasm")" "$(wc -c <"$wasm")" "$(gzip -9c "$wasm" | wc -c)"
done
log "all tests passed in $((SECONDS - started))s"
