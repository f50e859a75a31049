#!/usr/bin/env bash
# `make bench-server`: the HTTP API's throughput with wrk (Debian `wrk`) against the real
# `ivr serve` on loopback, printed beside the SPEC §12 targets as ratios (>= 1.00 meets the target):
#   POST /v1/verifications with a simulated callee  >= 1,000 requests/s end to end
#   GET  /v1/verifications/{id}                     >= 10,000 requests/s
# Every POST names another user and number, so the toll-fraud throttles (raised to their maximum
# here) never refuse one; non-2xx answers are counted and reported.
set -euo pipefail
IVR=${IVR:-.build/release/ivr}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-5}
CONNECTIONS=${CONNECTIONS:-32}
command -v wrk >/dev/null || { echo "bench-server: wrk is not installed (Debian package 'wrk')" >&2; exit 1; }

STATE=$(mktemp -d)
SCRATCH=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" || true; fi
    rm -rf "$STATE" "$SCRATCH"
}
trap cleanup EXIT

KEY=$("$IVR" --state "$STATE" keys create --role admin --name bench --json | sed 's/.*"key":"\([^"]*\)".*/\1/')
"$IVR" --state "$STATE" settings set throttle.calls-per-number 1000 >/dev/null
"$IVR" --state "$STATE" settings set throttle.calls-per-user 1000 >/dev/null

"$IVR" --state "$STATE" serve --listen 127.0.0.1:0 >"$SCRATCH/out" 2>"$SCRATCH/err" &
SERVER_PID=$!
for _ in $(seq 1 200); do grep -q '^listening on ' "$SCRATCH/out" && break; sleep 0.05; done
BASE=$(sed -n 's/^listening on //p' "$SCRATCH/out")
[ -n "$BASE" ] || { echo "bench-server: ivr serve did not start: $(cat "$SCRATCH/err")" >&2; exit 1; }

cat >"$SCRATCH/post.lua" <<LUA
local counter = 0
local thread_id = 0
local threads = 0
setup = function(thread) thread:set("tid", threads); threads = threads + 1 end
init = function() thread_id = tid end
request = function()
  counter = counter + 1
  local n = thread_id * 1000000 + counter
  local body = string.format('{"user":"bench%d@contoso.com","phone":"+1425555%04d","script":"answer\\\\nlisten\\\\npress #\\\\n"}', n, n % 10000)
  return wrk.format("POST", "/v1/verifications", {["Authorization"] = "Bearer $KEY", ["Content-Type"] = "application/json"}, body)
end
LUA

cat >"$SCRATCH/get.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $KEY"
LUA

ratio() { awk -v got="$1" -v want="$2" 'BEGIN { printf "%.2f", got / want }'; }
rate() { sed -n 's/^Requests\/sec:[[:space:]]*\([0-9.]*\).*/\1/p' "$1"; }
errors() { sed -n 's/^[[:space:]]*Non-2xx or 3xx responses:[[:space:]]*\([0-9]*\).*/\1/p' "$1"; }
# Requests wrk gave up on (no answer within its 2 s timeout): a stalled server shows here, not in the rate alone.
timeouts() { sed -n 's/^[[:space:]]*Socket errors:.*timeout[[:space:]]*\([0-9]*\).*/\1/p' "$1"; }

wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s "$SCRATCH/post.lua" "$BASE/v1/verifications" >"$SCRATCH/post.txt"
POST_RATE=$(rate "$SCRATCH/post.txt")
POST_ERRORS=$(errors "$SCRATCH/post.txt"); POST_ERRORS=${POST_ERRORS:-0}
POST_COUNT=$(sed -n 's/^[[:space:]]*\([0-9]*\) requests in.*/\1/p' "$SCRATCH/post.txt")

ID=$(curl -s -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d '{"user":"reader@contoso.com","phone":"+14255550199","script":"answer\nlisten\npress #\n"}' \
    "$BASE/v1/verifications" | sed 's/.*"id":"\([^"]*\)".*/\1/')
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s "$SCRATCH/get.lua" "$BASE/v1/verifications/$ID" >"$SCRATCH/get.txt"
GET_RATE=$(rate "$SCRATCH/get.txt")
GET_ERRORS=$(errors "$SCRATCH/get.txt"); GET_ERRORS=${GET_ERRORS:-0}

# Every accepted verification must have completed (end to end means the call ran and was recorded).
sleep 1
COMPLETED=$(curl -s "$BASE/metrics" | sed -n 's/^ivr_calls_total{result="verified"} //p')

printf '%-48s %10s %10s %7s %8s %s\n' "figure" "measured" "target" "ratio" "non-2xx" "timeouts"
printf '%-48s %10.0f %10d %7s %8s %s\n' "POST /v1/verifications (simulated) req/s" "$POST_RATE" 1000 "$(ratio "$POST_RATE" 1000)" "$POST_ERRORS" "$(timeouts "$SCRATCH/post.txt" | grep . || echo 0)"
printf '%-48s %10.0f %10d %7s %8s %s\n' "GET /v1/verifications/{id} req/s" "$GET_RATE" 10000 "$(ratio "$GET_RATE" 10000)" "$GET_ERRORS" "$(timeouts "$SCRATCH/get.txt" | grep . || echo 0)"
echo "POST answered during the run: ${POST_COUNT:-0}; calls completed as verified: ${COMPLETED:-0} (requests still in flight when wrk stopped, and the GET target, complete too)"
