# Source me after env.sh: installs node_modules when package-lock.json changed since the last install.
TL_STAMP="$TL_ROOT/node_modules/.tokenledger-lock-stamp"
if [ ! -f "$TL_STAMP" ] || ! cmp -s "$TL_ROOT/package-lock.json" "$TL_STAMP"; then
  echo "tokenledger: installing dependencies (npm ci)" >&2
  (cd "$TL_ROOT" && npm_config_nodedir="$TL_NODE_HEADERS" npm ci --no-audit --no-fund >&2) || return 1 2>/dev/null || exit 1
  cp "$TL_ROOT/package-lock.json" "$TL_STAMP"
fi
# The linter lives outside package-lock.json: oxlint's per-platform binaries are optional dependencies that
# the npm registry mirror here only partly carries, which makes `npm ci` reject any lockfile naming them.
TL_OXLINT_VERSION=1.94.0
TL_OXLINT_DIR="$TL_ROOT/.tools/oxlint-$TL_OXLINT_VERSION"
if [ ! -x "$TL_OXLINT_DIR/node_modules/.bin/oxlint" ]; then
  npm install --no-save --no-audit --no-fund --prefix "$TL_OXLINT_DIR" "oxlint@$TL_OXLINT_VERSION" >&2 || return 1 2>/dev/null || exit 1
fi
export PATH="$TL_OXLINT_DIR/node_modules/.bin:$PATH"
