#!/usr/bin/env bash
# Serves SeqLab at http://127.0.0.1:8080/ (PORT=… to change): installs what is missing (wasm32
# target, Trunk, wasm-bindgen-cli matching Cargo.lock, wasm-opt from npm binaryen), builds the
# release app and serves it, rebuilding on changes. Ctrl-C stops it.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
log "building and serving on http://127.0.0.1:${PORT:-8080}/"
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
