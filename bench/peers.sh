#!/usr/bin/env bash
# The relevé workload against the peers of ../shared/bench/peers, one run each, same machine, same
# statements, each generator pinned to core 0; prints every figure and our ratio to each peer.
# Usage: bench/peers.sh [N=200] [LEVEL]   (run from the repository root; needs PyPI for the peers)
# The peers are copied to a scratch folder first (shared/ is read-only), their data generated there.
set -euo pipefail
n=${1:-200}
level=${2:-}
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
PEERS="reportlab typst weasyprint" OUT_ROOT="$scratch/out" ./run.sh "$n" | tee "$scratch/peers.txt"
ours=$(cd "$root" && taskset -c 0 .build/release/paperasse-bench releve --data "$scratch/data/statements.json" \
  --docs "$n" --out "$scratch/out/paperasse" ${level:+--level "$level"} | grep '^RESULT' | sed 's/^RESULT //')
echo "paperasse    $ours"
python3 - "$scratch/out/results.jsonl" "$ours" <<'PY'
import json, sys
ours = json.loads(sys.argv[2])
print(f"\nPaperasse: {ours['docs_per_s']:.1f} docs/s, {ours['bytes_per_doc']:,} bytes/doc (level {ours['level']})")
for line in open(sys.argv[1]):
    r = json.loads(line)
    print(f"  vs {r['peer']:<11} {r['docs_per_s']:>7.1f} docs/s {r['mean_bytes']:>9,.0f} bytes/doc"
          f"  → {ours['docs_per_s'] / r['docs_per_s']:.1f}×")
PY
echo "PDFs and logs: $scratch/out"
