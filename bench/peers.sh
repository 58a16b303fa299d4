#!/usr/bin/env bash
# The relevé workload against the peers of ../shared/bench/peers, same machine, same statements, each
# generator pinned to core 0; prints every figure and our ratio to each peer.
# Usage: bench/peers.sh [N=200] [LEVEL]   (run from the repository root; needs PyPI for the peers)
#
# First one run of every peer (ReportLab, Typst, WeasyPrint) and of Paperasse, as the peers' RESULTS.md
# does. Then ROUNDS (default 5) more rounds that alternate ReportLab, Typst and Paperasse, one after the
# other: this machine's speed drifts by tens of percent within minutes, so a ratio is taken between runs
# made side by side, and the median of the rounds' ratios is reported with its range. WeasyPrint
# (80 s a run here) is measured once. Every run starts after `sync`: the files the previous one wrote
# are then on disk, and their write-back does not land in the next one's timing. The peers are copied to a scratch folder first (shared/ is
# read-only), their data generated there.
set -euo pipefail
n=${1:-200}
level=${2:-}
rounds=${ROUNDS:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
peers_src=${PEERS_DIR:-$root/../shared/bench/peers}
scratch=${SCRATCH:-$(mktemp -d "${TMPDIR:-/tmp}/paperasse-peers.XXXXXX")}
cp -r "$peers_src/." "$scratch/"
cd "$scratch"
python3 -c 'import reportlab, typst, weasyprint' 2>/dev/null ||
  python3 -m pip install -q --root-user-action=ignore reportlab rl_accel typst weasyprint
[ -f data/statements.json ] || python3 gen_data.py >/dev/null
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null

(cd "$root" && swift build -c release --product paperasse-bench >/dev/null)
ours() {  # one Paperasse run into $1, its RESULT line's JSON on stdout
  rm -rf "$1"
  sync
  (cd "$root" && taskset -c 0 .build/release/paperasse-bench releve --data "$scratch/data/statements.json" \
    --docs "$n" --out "$1" ${level:+--level "$level"} | grep '^RESULT' | sed 's/^RESULT //')
}
PEERS="reportlab typst weasyprint" OUT_ROOT="$scratch/out" ./run.sh "$n" | tee "$scratch/peers.txt"
ours "$scratch/out/paperasse" > "$scratch/ours.jsonl"
echo "paperasse    $(cat "$scratch/ours.jsonl")"
: > "$scratch/rounds.jsonl"
for r in $(seq "$rounds"); do
  sync
  PEERS="reportlab typst" OUT_ROOT="$scratch/round$r" ./run.sh "$n" >/dev/null
  cat "$scratch/round$r/results.jsonl" >> "$scratch/rounds.jsonl"
  ours "$scratch/round$r/paperasse" | python3 -c 'import json,sys; r=json.load(sys.stdin); r["peer"]="paperasse"; print(json.dumps(r))' \
    | tee -a "$scratch/ours.jsonl" | sed 's/^/paperasse (round '"$r"') /'
done
python3 - "$scratch/out/results.jsonl" "$scratch/ours.jsonl" "$scratch/rounds.jsonl" "$rounds" <<'PY'
import json, statistics, sys
first, ours_file, rounds_file, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ours = [json.loads(l) for l in open(ours_file)]
print(f"\nOne run each: Paperasse {ours[0]['docs_per_s']:.1f} docs/s, {ours[0]['bytes_per_doc']:,} bytes/doc (level {ours[0]['level']})")
for line in open(first):
    r = json.loads(line)
    print(f"  vs {r['peer']:<11} {r['docs_per_s']:>7.1f} docs/s {r['mean_bytes']:>9,.0f} bytes/doc"
          f"  → {ours[0]['docs_per_s'] / r['docs_per_s']:.1f}×")
if rounds:
    peers = [json.loads(l) for l in open(rounds_file)]
    mine = [o["docs_per_s"] for o in ours[1:]]
    print(f"\n{rounds} alternating rounds: Paperasse {' '.join(f'{v:.0f}' for v in mine)} docs/s (median {statistics.median(mine):.1f})")
    for name in ("reportlab", "typst"):
        theirs = [p["docs_per_s"] for p in peers if p["peer"] == name]
        ratios = sorted(m / t for m, t in zip(mine, theirs))
        print(f"  vs {name:<11} {' '.join(f'{v:.1f}' for v in theirs)} docs/s → median ratio {statistics.median(ratios):.1f}×"
              f" ({ratios[0]:.1f}–{ratios[-1]:.1f}×)")
PY
echo "PDFs and logs: $scratch"
