#!/usr/bin/env bash
# Idempotent installer for everything antoan needs on Debian 12: apt packages, then npm
# packages for the front end and browser tests. Called by `make run` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git ccache
  libcpp-httplib-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libsodium-dev
  libphonenumber-dev libutf8proc-dev libhyperscan-dev libspdlog-dev libfmt-dev
  libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev libssl-dev zlib1g-dev
  libbrotli-dev libicu-dev libprotobuf-dev libboost-dev libpsl-dev publicsuffix
  libvips-dev libxlsxwriter-dev
  wrk fasttext curl procps
  libqrencode-dev zbar-tools
  chromium fonts-noto-core fonts-noto-color-emoji
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install: apt packages missing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "install: apt packages ok"

# Front end: Node.js and npm from Debian when the machine has none (Debian 12: nodejs 18, npm 9;
# every front-end tool is chosen to run on it: Vite 6, TypeScript 5, playwright-core 1.57). A newer
# Node already on the machine is used as it is.
if ! command -v npm >/dev/null 2>&1; then
  echo "install: npm not found: installing Debian's nodejs and npm"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 18 ]; then
  echo "install: Node.js $(node --version) is too old: antoan's front end needs Node.js 18 or newer" >&2; exit 1
fi
# npm ci in web/ when node_modules is missing or package-lock.json changed since the last install
# (its hash is kept in web/node_modules/.antoan-lock-hash).
lock_hash="$(sha256sum web/package-lock.json | cut -d' ' -f1)"
if [ ! -d web/node_modules ] || [ "$(cat web/node_modules/.antoan-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  echo "install: npm ci in web/"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > web/node_modules/.antoan-lock-hash
fi
echo "install: npm packages ok"
