# Sourced by scripts/package-vscode and scripts/vscode-test: the tools they need, and the extension's npm packages.

# Installs Debian packages $2... with apt-get; returns 1 when it cannot. Messages go to stderr, prefixed with $1.
vscode_apt_install() {
  local who=$1 sudo_cmd=()
  shift
  echo "$who: installing $* from Debian's packages" >&2
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  if ! { "${sudo_cmd[@]}" apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "$@" >/dev/null; }; then
    echo "$who: apt-get could not install $*" >&2
    return 1
  fi
}

# Installs Debian's nodejs and npm when either is missing; returns 1 when they cannot be had, or when the Node.js
# found is older than 20 (@vscode/vsce 3 needs 20).
vscode_ensure_node() {
  local who=$1 need=()
  command -v node >/dev/null 2>&1 || need+=(nodejs)
  command -v npm >/dev/null 2>&1 || need+=(npm)
  if [ "${#need[@]}" -gt 0 ]; then
    vscode_apt_install "$who" "${need[@]}" || return 1
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 20 ]; then
    echo "$who: Node.js $(node --version) is too old; the extension's tools (@vscode/vsce 3) need Node.js 20 or later" >&2
    return 1
  fi
}

# `npm ci` in the extension's directory $1, unless node_modules already holds what the lockfile pins. Install
# scripts are not run: no package the extension uses needs one (vsce's optional keytar and signing binaries
# only serve publishing).
vscode_npm_ci() {
  local ext=$1
  if [ ! -f "$ext/node_modules/.package-lock.json" ] || [ "$ext/package-lock.json" -nt "$ext/node_modules/.package-lock.json" ]; then
    (cd "$ext" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  fi
}
