# Source me after env.sh: installs node_modules when package-lock.json changed since the last install.
TL_STAMP="$TL_ROOT/node_modules/.tokenledger-lock-stamp"
if [ ! -f "$TL_STAMP" ] || ! cmp -s "$TL_ROOT/package-lock.json" "$TL_STAMP"; then
  echo "tokenledger: installing dependencies (npm ci)" >&2
  (cd "$TL_ROOT" && npm_config_nodedir="$TL_NODE_HEADERS" npm ci --no-audit --no-fund >&2) || return 1 2>/dev/null || exit 1
  cp "$TL_ROOT/package-lock.json" "$TL_STAMP"
fi
