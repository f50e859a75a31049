#!/usr/bin/env bash
# Installs what the build links against and what the tests start, only when it is missing.
# Debian/Ubuntu; needs root (or sudo) the first time.
#   libraries (systemLibrary targets): libsndfile, libmpg123, SQLite, OpenSSL's libcrypto,
#     libsamplerate, libre (+ librem), libmicrohttpd, libqrencode — and pkg-config, which finds them
#   programs: espeak-ng (prompt audio); test peers and tools: sipp (sip-tester), baresip,
#     zbarimg (zbar-tools, decodes QR codes), sox, lame and ffmpeg (sample audio), curl
set -euo pipefail
need=()
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_cmd pkg-config || need+=(pkg-config)
have_pc sndfile || need+=(libsndfile1-dev)
have_pc libmpg123 || need+=(libmpg123-dev)
have_pc sqlite3 || need+=(libsqlite3-dev)
have_pc libcrypto || need+=(libssl-dev)
have_pc samplerate || need+=(libsamplerate0-dev)
have_pc libre || need+=(libre-dev)
have_pc librem || need+=(librem-dev)
have_pc libmicrohttpd || need+=(libmicrohttpd-dev)
have_pc libqrencode || need+=(libqrencode-dev)
have_cmd espeak-ng || need+=(espeak-ng)
have_cmd sipp || need+=(sip-tester)
have_cmd baresip || need+=(baresip)
have_cmd zbarimg || need+=(zbar-tools)
have_cmd sox || need+=(sox)
have_cmd lame || need+=(lame)
have_cmd ffmpeg || need+=(ffmpeg)
have_cmd curl || need+=(curl)
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing: ${need[*]}" >&2
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
