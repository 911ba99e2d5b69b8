#!/usr/bin/env bash
# Packages the extension as a VSIX and installs it into a real VS Code (code-server), failing when either
# step fails or the extension is not listed afterwards. Run after `bash test/e2e/setup-code-server.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
code_server_dir="${CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/code-server-e2e}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# code-server writes its own settings under the XDG folders: keep them out of $HOME
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/share"
npm run -s package -- --out "$work/commspec.vsix"
echo "VSIX: $(du -h "$work/commspec.vsix" | cut -f1), $(unzip -l "$work/commspec.vsix" | tail -1 | awk '{print $2}') files"
if unzip -l "$work/commspec.vsix" | grep -q node_modules; then echo "the VSIX holds node_modules" >&2; exit 1; fi
"$code_server_dir/bin/code-server" --extensions-dir "$work/ext" --user-data-dir "$work/data" --install-extension "$work/commspec.vsix"
"$code_server_dir/bin/code-server" --extensions-dir "$work/ext" --user-data-dir "$work/data" --list-extensions --show-versions | tee "$work/list"
grep -q '^commspec\.commspec@' "$work/list"
# rebuild the development bundles the tests use (package made production ones)
node scripts/build.mjs
