#!/usr/bin/env bash
# Installs the system libraries the build links against (and pkg-config, which finds them),
# only when they are missing. Debian/Ubuntu; needs root (or sudo) the first time.
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists sndfile 2>/dev/null || need+=(libsndfile1-dev)
pkg-config --exists libmpg123 2>/dev/null || need+=(libmpg123-dev)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing: ${need[*]}" >&2
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
