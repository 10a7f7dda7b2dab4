#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; safe to run again.
# Debian's rustc-web compiles the wasm (with the std source, so std is built for the target:
# rustup's wasm32 target cannot be relied on here); the rustup toolchain does the rest.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -f /usr/lib/rustlib/src/rust/library/Cargo.lock ] || need_apt+=(rustc-web cargo-web rust-web-src)
command -v lld-22 >/dev/null 2>&1 || [ -x /usr/bin/lld-22 ] || need_apt+=(lld-22)
command -v wasm-opt >/dev/null 2>&1 || need_apt+=(binaryen)
command -v wasm-validate >/dev/null 2>&1 || need_apt+=(wabt)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
# the print test turns PDF pages into images; Chinese text needs a CJK font to be drawn at all
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_apt+=(fonts-wqy-microhei)
# the office files are checked with a real office suite: LibreOffice recalculates the .xlsx we
# write, re-saves it, and reads the .docx (tests/office.rs)
need_office=()
[ -x /usr/bin/soffice ] || need_office=(libreoffice-calc libreoffice-writer)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ ${#need_office[@]} -gt 0 ]; then
  echo "setup: apt-get install ${need_office[*]} (headless use only: without the recommended extras)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  [ ${#need_apt[@]} -gt 0 ] || $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_office[@]}" >/dev/null
fi

# wasm-bindgen-cli must be the very version Cargo.lock pins for the wasm-bindgen crate.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "setup: cargo install wasm-bindgen-cli $want"
  # --locked first; if the registry no longer serves a locked dependency, let cargo resolve.
  cargo install -q wasm-bindgen-cli --version "$want" --locked 2>/dev/null \
    || cargo install -q wasm-bindgen-cli --version "$want"
fi

# esbuild (tools/bundle.mjs minifies and lowers the page scripts with it) and fflate (the page
# inflates the embedded wasm with it) live there too.
if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/acorn ] \
   || [ ! -d tests/e2e/node_modules/esbuild ] \
   || [ ! -d tests/e2e/node_modules/big.js ] || [ ! -d tests/e2e/node_modules/fflate ] \
   || [ ! -d tests/e2e/node_modules/typescript ] || [ ! -d tests/e2e/node_modules/@gfx/zopfli ] \
   || [ ! -d tests/e2e/node_modules/vue ]; then
  echo "setup: npm ci (tests/e2e)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
