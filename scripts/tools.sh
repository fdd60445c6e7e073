# Shared by serve.sh and test.sh: install what is missing, skip what is there (idempotent, and a
# few seconds when everything is installed). Sourced, not run. Only package registries are used:
# crates.io (cargo install), npm, and Debian's apt.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"      # 0.22 needs a newer rustc than this machine's 1.95
GECKODRIVER_VERSION="0.37.1"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# has_version CMD VERSION: CMD --version prints VERSION.
has_version() {
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! has_version trunk "$TRUNK_VERSION"; then
    log "installing trunk $TRUNK_VERSION (several minutes, once)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local version
  version="$(wasm_bindgen_version)"
  if ! has_version wasm-bindgen "$version"; then
    log "installing wasm-bindgen-cli $version (a few minutes, once)"
    # Without --locked: the CLI's lock file names a crate version the index no longer has.
    cargo install wasm-bindgen-cli --version "$version"
  fi
}

# npm packages: binaryen (wasm-opt for release builds) and the end-to-end test drivers.
ensure_npm_packages() {
  local stamp="$ROOT/node_modules/.seqlab-installed-lock.json"
  if ! cmp -s "$ROOT/package-lock.json" "$stamp" 2>/dev/null; then
    log "installing npm packages (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
    cp "$ROOT/package-lock.json" "$stamp"
  fi
}

ensure_geckodriver() {
  if ! has_version geckodriver "$GECKODRIVER_VERSION"; then
    log "installing geckodriver $GECKODRIVER_VERSION (a few minutes, once)"
    cargo install --locked "geckodriver@$GECKODRIVER_VERSION"
  fi
}

# Debian packages: Chromium + ChromeDriver, Firefox ESR, and a Korean font so screenshots of the
# Korean pages show Hangul instead of empty boxes.
APT_PACKAGES=(chromium chromium-driver firefox-esr fonts-nanum)

apt_missing() {
  local missing=() package
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  echo "${missing[@]:-}"
}

ensure_apt_packages() {
  local missing sudo=""
  missing="$(apt_missing)"
  [ -z "$missing" ] && return 0
  [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
  log "installing Debian packages: $missing"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# Everything a release build needs.
ensure_build_tools() {
  ensure_wasm_target
  ensure_npm_packages
  ensure_trunk
  ensure_wasm_bindgen
}
