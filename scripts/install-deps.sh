#!/usr/bin/env bash
# Installs everything amgen's build and tests need: Debian packages (skipped when all are present) and the
# tools virtualenv .venv-tools (pytest, PyYAML, cookiecutter, compose-spec, pre-commit, ruff) used by tests/e2e and
# bench/, and actionlint (built through the Go module proxy into .tools/bin) for the generated GitHub Actions
# workflows. Safe to re-run. git is there for the e2e that runs a generated project's pre-commit hooks in a fresh
# repository.
# The test servers (scripts/pg-server.sh, rabbitmq-server.sh, redis-server.sh) run their own instances on ports of
# their own, and nginx is only used for `nginx -t` on generated gateways, so the packages' system services are kept
# from starting during the install (see no_service_starts) and nginx's and prometheus's from starting at boot (disable_system_service).
# Debian ships no MongoDB server, so install_ferretdb builds FerretDB (a MongoDB wire-protocol server on SQLite, run by
# scripts/mongo-server.sh) from the Go module proxy into the gitignored tools folder .tools/bin.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools_venv=${AMGEN_TOOLS_VENV:-$repo_root/.venv-tools}
requirements=$repo_root/scripts/requirements-tools.txt
python=${PYTHON:-python3}

apt_packages=(
  build-essential cmake ninja-build pkg-config git
  libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libfmt-dev libcurl4-openssl-dev
  libcpp-httplib-dev doctest-dev libkainjow-mustache-dev
  postgresql rabbitmq-server redis-server redis-tools
  prometheus
  nginx openssl
  shellcheck
)

# actionlint checks the generated .github/workflows (tests/e2e/test_level4_ops.py); it runs shellcheck on their
# `run:` scripts. Built with the Go toolchain from the module proxy, pinned.
actionlint_version=v1.7.12
tools_bin=${AMGEN_TOOLS_DIR:-$repo_root/.tools}/bin

# The command prefix for root-only steps: empty when root, 'sudo -n' otherwise.
sudo=()

log() { printf 'install-deps: %s\n' "$*" >&2; }

# A pyenv or other non-Debian python3 brings its own venv and ensurepip; Debian's needs python3-venv.
python_can_make_venvs() {
  "$python" -c 'import venv, ensurepip' >/dev/null 2>&1
}

is_installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

install_apt_packages() {
  local wanted=("${apt_packages[@]}") missing=() pkg
  command -v "$python" >/dev/null 2>&1 || wanted+=(python3)
  python_can_make_venvs || wanted+=(python3-venv)
  for pkg in "${wanted[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "all ${#wanted[@]} Debian packages present, skipping apt"
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "need root (or sudo) to install: ${missing[*]}"; exit 1; }
    sudo=(sudo -n)
  fi
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  no_service_starts
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
  allow_service_starts
  case " ${missing[*]} " in *" nginx "*) disable_system_service nginx ;; esac
  case " ${missing[*]} " in *" prometheus "*) disable_system_service prometheus ;; esac
}

# Without systemd (a container, a CI runner) the packages' postinst scripts start their services through
# invoke-rc.d: a system RabbitMQ would take epmd's port 4369 and 5672, a system Redis 6379, a PostgreSQL cluster
# 5432, a Prometheus server 9090 (the tests only use its promtool), a system nginx 80 (they only run its
# `nginx -t`), none of which the tests need. A policy-rc.d that denies every start prevents that (deb-systemd-invoke
# honours it too); it is only added (and then removed) when the machine has none of its own. Docker images usually
# ship one that denies already.
policy_rc_d=/usr/sbin/policy-rc.d
added_policy_rc_d=false

no_service_starts() {
  [ ! -e "$policy_rc_d" ] || return 0
  printf '#!/bin/sh\n# Added by amgen scripts/install-deps.sh for the duration of apt-get install.\nexit 101\n' \
    | "${sudo[@]}" tee "$policy_rc_d" >/dev/null
  "${sudo[@]}" chmod 755 "$policy_rc_d"
  added_policy_rc_d=true
  trap allow_service_starts EXIT
}

allow_service_starts() {
  if [ "$added_policy_rc_d" = true ]; then
    "${sudo[@]}" rm -f "$policy_rc_d"
    added_policy_rc_d=false
  fi
}

# nginx's and prometheus's postinst scripts enable their services (systemd units and init script links), which would
# take ports 80 and 9090 at the next boot, where a generated project's gateway and prometheus containers want them;
# the tests only use `nginx -t` and promtool. systemctl disables them even where systemd is not running. Called only
# right after this script installed the package, so that a system service enabled on purpose is left alone; a failure
# is reported and does not stop the install (it changes nothing the tests use).
disable_system_service() {
  local name=$1
  if command -v systemctl >/dev/null 2>&1 && systemctl is-enabled --quiet "$name" 2>/dev/null; then
    log "disabling the $name system service (the tests only use its command-line tools)"
    "${sudo[@]}" systemctl disable --quiet "$name" || log "could not disable the $name service; it may start at boot"
  fi
}

# The stamp records which requirements (and which interpreter) the venv was built from, so a re-run with
# nothing changed does no pip work at all.
tools_stamp() {
  {
    sha256sum "$requirements" | cut -d' ' -f1
    "$tools_venv/bin/python" -c 'import sys; print(sys.version)'
  } 2>/dev/null
}

install_tools_venv() {
  local stamp_file=$tools_venv/.amgen-tools-stamp
  if ! "$tools_venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
    log "creating tools venv $tools_venv"
    rm -rf "$tools_venv"
    "$python" -m venv "$tools_venv"
  fi
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$(tools_stamp)" ]; then
    log "tools venv up to date ($tools_venv)"
    return
  fi
  log "installing tools into $tools_venv"
  "$tools_venv/bin/python" -m pip install -q --disable-pip-version-check --no-input -r "$requirements"
  tools_stamp >"$stamp_file"
}

install_actionlint() {
  local installed
  installed=$("$tools_bin/actionlint" -version 2>/dev/null | head -n 1 || true)
  if [ "$installed" = "$actionlint_version" ]; then
    log "actionlint $actionlint_version present ($tools_bin)"
    return
  fi
  local go
  go=$(go_tool) || { log "need the Go toolchain (go on PATH or /usr/local/go/bin/go) to build actionlint"; exit 1; }
  log "building actionlint $actionlint_version into $tools_bin"
  mkdir -p "$tools_bin"
  GOBIN=$tools_bin "$go" install "github.com/rhysd/actionlint/cmd/actionlint@$actionlint_version"
}

# FerretDB v1 is built from source with the Go toolchain. scripts/tools/ferretdb/go.mod pins the release and its
# go.sum the release's hash; FerretDB's own go.sum pins every dependency, so the build downloads exactly those
# modules from the Go module proxy. The release is built as the main module from a copy of its source with
# build/version/version.txt written (as FerretDB's release builds do; without it the binary refuses to start).
# A stamp beside the binary (the hash of the pin) skips all of this when the binary was built from the same pin.
# Go's module and build caches (GOMODCACHE, GOCACHE) are kept, so a rebuild in a fresh clone only links.
tools_dir=${AMGEN_TOOLS_DIR:-$repo_root/.tools}
ferretdb_pin=$repo_root/scripts/tools/ferretdb

go_tool() {
  if command -v go >/dev/null 2>&1; then
    command -v go
  elif [ -x /usr/local/go/bin/go ]; then
    echo /usr/local/go/bin/go
  else
    return 1
  fi
}

ferretdb_stamp() {
  cat "$ferretdb_pin/go.mod" "$ferretdb_pin/go.sum" | sha256sum | cut -d' ' -f1
}

install_ferretdb() {
  local binary=$tools_dir/bin/ferretdb stamp_file=$tools_dir/bin/.ferretdb-stamp go version source_dir build_dir built
  if [ -x "$binary" ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$(ferretdb_stamp)" ]; then
    log "FerretDB up to date ($binary)"
    return
  fi
  go=$(go_tool) || { log "need the Go toolchain (go on PATH or /usr/local/go/bin/go) to build FerretDB"; exit 1; }
  version=$(sed -n 's|^require github.com/FerretDB/FerretDB \(v[0-9.]*\)$|\1|p' "$ferretdb_pin/go.mod")
  [ -n "$version" ] || { log "no FerretDB version in $ferretdb_pin/go.mod"; exit 1; }
  log "building FerretDB $version into $tools_dir/bin (minutes on a cold Go cache)"
  # -mod=readonly everywhere: the go.sum files are complete, nothing is resolved anew.
  source_dir=$(cd "$ferretdb_pin" && GOFLAGS=-mod=readonly "$go" mod download -json github.com/FerretDB/FerretDB \
    | sed -n 's|^[[:space:]]*"Dir": "\(.*\)",*$|\1|p')
  [ -d "$source_dir" ] || { log "could not download FerretDB $version"; exit 1; }
  build_dir=$tools_dir/src/FerretDB-$version
  rm -rf "$build_dir"
  mkdir -p "$(dirname "$build_dir")" "$tools_dir/bin"
  cp -R "$source_dir" "$build_dir"
  chmod -R u+w "$build_dir"
  printf '%s\n' "$version" >"$build_dir/build/version/version.txt"
  # CGO off: one static binary, no C compiler; -trimpath: build cache entries do not depend on the folder.
  (cd "$build_dir" && GOFLAGS="-mod=readonly -trimpath -buildvcs=false" CGO_ENABLED=0 \
    "$go" build -o "$binary.new" ./cmd/ferretdb)
  rm -rf "$build_dir"
  rmdir "$tools_dir/src" 2>/dev/null || true
  mv "$binary.new" "$binary"
  built=$("$binary" --version) || { log "the built FerretDB does not run"; exit 1; }
  grep -qx "version: $version" <<<"$built" || { log "the built FerretDB reports another version: $built"; exit 1; }
  ferretdb_stamp >"$stamp_file"
  log "FerretDB $version built ($binary)"
}

install_apt_packages
install_tools_venv
install_actionlint
install_ferretdb
