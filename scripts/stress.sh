#!/usr/bin/env bash
# `make stress`: SPEC §12's state check from the shell. Two `ivr` processes run 1,000 calls each
# against one state directory at once; they must finish with 2,000 sign-in log records, no
# "database is locked" error, and exact PIN lockout counters. Prints the wall-clock time of the
# concurrent run (a figure, not a pass/fail criterion).
#
# Usage: scripts/stress.sh [CALLS_PER_PROCESS]   (IVR=path/to/ivr to skip the release build)
# The outcome does not depend on how the processes interleave (see Tests/ivrTests/TwoProcessesTests.swift):
#   - lock-<p><k>: each process's own users, called in order: denied, locked_out, locked_out;
#   - shared<k>:   one wrong PIN per call, 2 calls from each process (4 denials, threshold 5);
#                  a final call with one more wrong PIN must be locked_out (no denial lost);
#   - control<k>:  1 denial from each process; the final third wrong PIN must NOT lock (no double count);
#   - shared-ok:   verified calls from both processes.
set -euo pipefail

cd "$(dirname "$0")/.."
PER_PROCESS=${1:-1000}
LOCK_USERS=10
SHARED_USERS=10
PIN=9731

if [[ -z "${IVR:-}" ]]; then
    swift build -c release --product ivr >&2
    IVR=.build/release/ivr
fi
[[ -x "$IVR" ]] || { echo "stress: $IVR is not an executable" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ivr-stress.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
STATE="$WORK/state"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# One `.call` script. Args: file user at [pin-entries...]; no entries = a standard call confirmed
# with '#'; entries = a PIN call keying each entry then '#'; a final "HANGUP" hangs up instead of listening.
script() {
    local file=$1 user=$2 at=$3
    shift 3
    {
        echo "user $user"
        echo "phone +1 425 555 0100"
        if (($# > 0)); then echo "method pin"; echo "pin $PIN"; fi
        echo "at $at"
        echo "answer"
        if (($# == 0)); then
            echo "listen"; echo "press #"; echo "listen"
        else
            local last=listen
            for entry in "$@"; do
                if [[ $entry == HANGUP ]]; then last=hangup; continue; fi
                echo "listen"; echo "press $entry#"
            done
            echo "$last"
        fi
    } > "$file"
}

at() { printf '2026-11-25T12:%02d:%02dZ' $(($1 / 60)) $(($1 % 60)); }

# One process's scripts, listed in run order in $WORK/<p>.list.
generate() {
    local p=$1
    local dir="$WORK/scripts-$p" n=0
    mkdir -p "$dir"
    : > "$WORK/$p.list"
    add() { echo "$1" >> "$WORK/$p.list"; n=$((n + 1)); }
    for ((k = 0; k < LOCK_USERS; k++)); do
        script "$dir/lock$k-1.call" "lock-$p$k@contoso.com" 2026-11-25T12:00:00Z 1111 2222 3333
        script "$dir/lock$k-2.call" "lock-$p$k@contoso.com" 2026-11-25T12:02:00Z 1111 2222
        script "$dir/lock$k-3.call" "lock-$p$k@contoso.com" 2026-11-25T12:03:00Z "$PIN"
    done
    for ((k = 0; k < SHARED_USERS; k++)); do
        script "$dir/shared$k-1.call" "shared$k@contoso.com" "$(at "$k")" 1111 HANGUP
        script "$dir/shared$k-2.call" "shared$k@contoso.com" "$(at $((60 + k)))" 1111 HANGUP
        script "$dir/control$k.call" "control$k@contoso.com" "$(at "$k")" 2222 HANGUP
    done
    local i=0 total_fixed=$((LOCK_USERS * 3 + SHARED_USERS * 3 + 100))
    for ((i = 0; i < 100; i++)); do script "$dir/ok$i.call" shared-ok@contoso.com "$(at "$i")"; done
    for ((i = 0; i < PER_PROCESS - total_fixed; i++)); do
        if ((i % 3 == 0)); then
            script "$dir/u$i.call" "$p-user$((i % 50))@contoso.com" "$(at $((i % 3600)))" "$PIN"
        else
            script "$dir/u$i.call" "$p-user$((i % 50))@contoso.com" "$(at $((i % 3600)))"
        fi
    done
    # Interleave: lock sequences spread through the batch, in order; the rest in between.
    local others=("$dir"/ok*.call "$dir"/u*.call "$dir"/shared*.call "$dir"/control*.call)
    local step=$(( ${#others[@]} / (LOCK_USERS * 3) + 1 )) o=0
    for round in 1 2 3; do
        for ((k = 0; k < LOCK_USERS; k++)); do
            add "$dir/lock$k-$round.call"
            for ((j = 0; j < step && o < ${#others[@]}; j++)); do add "${others[o]}"; o=$((o + 1)); done
        done
    done
    while ((o < ${#others[@]})); do add "${others[o]}"; o=$((o + 1)); done
}

echo "stress: generating $PER_PROCESS scripts for each of 2 processes in $WORK" >&2
generate a
generate b
"$IVR" --state "$STATE" settings show > /dev/null

start=$(date +%s.%N)
mapfile -t list_a < "$WORK/a.list"
mapfile -t list_b < "$WORK/b.list"
set +e
"$IVR" --state "$STATE" --json call "${list_a[@]}" > "$WORK/a.out" 2> "$WORK/a.err" &
pid_a=$!
"$IVR" --state "$STATE" --json call "${list_b[@]}" > "$WORK/b.out" 2> "$WORK/b.err" &
pid_b=$!
wait "$pid_a"; rc_a=$?
wait "$pid_b"; rc_b=$?
set -e
end=$(date +%s.%N)

elapsed=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')
calls=$((2 * PER_PROCESS))
rate=$(awk -v n="$calls" -v t="$elapsed" 'BEGIN { printf "%.0f", (t > 0 ? n / t : 0) }')
echo "two processes, $calls calls: ${elapsed} s wall clock ($rate calls/s together)"

for p in a b; do
    rc_var=rc_$p
    [[ ${!rc_var} -eq 0 ]] || fail "process $p exited ${!rc_var}: $(head -c 500 "$WORK/$p.err")"
    if grep -qi locked "$WORK/$p.err"; then fail "process $p: $(grep -i locked "$WORK/$p.err" | head -3)"; fi
    [[ ! -s "$WORK/$p.err" ]] || fail "process $p wrote to stderr: $(head -c 500 "$WORK/$p.err")"
    lines=$(wc -l < "$WORK/$p.out")
    [[ $lines -eq $PER_PROCESS ]] || fail "process $p printed $lines reports, expected $PER_PROCESS"
done

# Each lockout user is called by one process only, so the log holds its calls in that process's order.
# (The log is read rather than the call reports: a report's transcript repeats "result" inside it.)
for p in a b; do
    for ((k = 0; k < LOCK_USERS; k++)); do
        got=$("$IVR" --state "$STATE" log --json --user "lock-$p$k@contoso.com" | grep -o '"result":"[a-z_]*"' | cut -d'"' -f4 | paste -sd' ' -)
        [[ $got == "denied locked_out locked_out" ]] || fail "lock-$p$k: '$got', expected 'denied locked_out locked_out'"
    done
done

"$IVR" --state "$STATE" log --json > "$WORK/log.jsonl"
records=$(wc -l < "$WORK/log.jsonl")
[[ $records -eq $calls ]] || fail "log has $records records, expected $calls"
ok_verified=$(grep '"user":"shared-ok@contoso.com"' "$WORK/log.jsonl" | grep -c '"result":"verified"' || true)
[[ $ok_verified -eq 200 ]] || fail "shared-ok: $ok_verified verified calls, expected 200"

for ((k = 0; k < SHARED_USERS; k++)); do
    script "$WORK/final-shared$k.call" "shared$k@contoso.com" 2026-11-25T12:08:00Z 1111 HANGUP
    script "$WORK/final-control$k.call" "control$k@contoso.com" 2026-11-25T12:08:00Z 1111 HANGUP
done
"$IVR" --state "$STATE" --json call "$WORK"/final-shared*.call > "$WORK/final-shared.out"
"$IVR" --state "$STATE" --json call "$WORK"/final-control*.call > "$WORK/final-control.out"
locked=$(grep -c '"result":"locked_out"' "$WORK/final-shared.out" || true)
[[ $locked -eq $SHARED_USERS ]] || fail "shared users: $locked of $SHARED_USERS locked out after 5 denials (a concurrent denial was lost)"
not_locked=$(grep -c '"result":"abandoned"' "$WORK/final-control.out" || true)
[[ $not_locked -eq $SHARED_USERS ]] || fail "control users: $not_locked of $SHARED_USERS still unlocked after 3 denials (a denial was double counted)"

if command -v sqlite3 > /dev/null; then
    verdict=$(sqlite3 "$STATE/ivr.sqlite" 'PRAGMA integrity_check;')
    [[ $verdict == ok ]] || fail "integrity_check: $verdict"
else
    echo "stress: sqlite3 not installed; skipping PRAGMA integrity_check" >&2
fi

if ((failures > 0)); then
    echo "stress: $failures check(s) failed" >&2
    exit 1
fi
echo "stress: OK — $records log records, lockout counters exact, no 'database is locked'"
