#!/usr/bin/env bash
# Seeds 100 000 accounts with a release build and prints wall-clock seconds and peak RSS.
# Usage: bench/seed-bench.sh [accounts]   (run from the repository root)
set -euo pipefail
ACCOUNTS="${1:-100000}"
DB=/tmp/x.db
swift build -c release --product paperasse >/dev/null
rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
LOG=$(mktemp)
/usr/bin/time -v .build/release/paperasse seed \
    --db "$DB" --accounts "$ACCOUNTS" --seed 1 2> "$LOG"
elapsed=$(grep 'Elapsed (wall clock)' "$LOG" | awk '{print $NF}')
rss_kb=$(grep 'Maximum resident set size' "$LOG" | awk '{print $NF}')
user=$(grep 'User time' "$LOG" | awk '{print $NF}')
sys=$(grep 'System time' "$LOG" | awk '{print $NF}')
seconds=$(echo "$elapsed" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
echo "seed: $ACCOUNTS accounts in ${seconds} s wall, ${user} s user + ${sys} s sys CPU, peak RSS $((rss_kb / 1024)) MiB, database $(du -h "$DB" | cut -f1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$LOG"
