#!/usr/bin/env bash
# Instructions per relevé, by function: callgrind over N1 and N2 documents, the difference divided by
# N2 − N1 (start-up and data loading cancel out). Counts instructions, not seconds, so it is
# repeatable on a busy machine. Usage: bench/profile.sh STATEMENTS.json [N1] [N2] [bench options…]
# BUILD=.build-x uses another scratch path (a second work tree building beside this one); TOP=N rows.
set -euo pipefail
data=${1:?statements.json from the peers gen_data.py}
n1=${2:-20}; n2=${3:-70}; shift $(( $# < 3 ? $# : 3 )); extra=("$@")
cd "$(dirname "$0")/.."
build=${BUILD:-.build}
swift build -c release --scratch-path "$build" --product paperasse-bench >/dev/null
tmp=$(mktemp -d)
# valgrind 3.19 cannot read Swift 6's DWARF 5: profile a copy without debug info (symbols stay).
cp "$build/release/paperasse-bench" "$tmp/pb" && strip -g "$tmp/pb"
for n in "$n1" "$n2"; do
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.$n" "$tmp/pb" releve --data "$data" --docs "$n" --out "$tmp/out" "${extra[@]}" >/dev/null 2>&1
  callgrind_annotate --inclusive=yes "$tmp/cg.$n" 2>/dev/null | grep -E '^ *[0-9,]+ ' | sed 's/ (.*%)//' | awk '{gsub(",","",$1); print $1, $2}' > "$tmp/inc.$n"
  callgrind_annotate "$tmp/cg.$n" 2>/dev/null | grep -E '^ *[0-9,]+ ' | sed 's/ (.*%)//' | awk '{gsub(",","",$1); print $1, $2}' > "$tmp/exc.$n"
done
python3 - "$tmp" "$n1" "$n2" <<'PY'
import sys, re
tmp, n1, n2 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def load(p):
    d = {}
    for l in open(p):
        v, k = l.split(' ', 1)
        d[k.strip()] = int(v)
    return d
for kind in ('inc', 'exc'):
    a, b = load(f'{tmp}/{kind}.{n1}'), load(f'{tmp}/{kind}.{n2}')
    rows = sorted((((b[k] - a.get(k, 0)) / (n2 - n1), k) for k in b), reverse=True)
    print(f'== {"inclusive" if kind == "inc" else "self"} instructions per document')
    for v, k in rows[:int(__import__("os").environ.get("TOP","25"))]:
        name = re.sub(r'^\?\?\?:', '', k)[:110]
        print(f'{v/1e6:8.2f} M  {name}')
PY
rm -rf "$tmp"
