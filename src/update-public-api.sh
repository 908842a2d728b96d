#!/usr/bin/env bash
# Records public API changes in PublicAPI.Unshipped.txt of each library from the analyzer's own
# diagnostics: RS0016 (new symbol) lines are added, RS0017 (removed symbol) lines are dropped.
# Review the diff afterwards: every public change should be deliberate.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet build Nhtrc.Sdk.sln --no-incremental -p:TreatWarningsAsErrors=false >"$log" 2>&1 || true
python3 - "$log" <<'PY'
import re, sys, collections, pathlib
adds, removes = collections.defaultdict(set), collections.defaultdict(set)
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.search(r"(RS001[67]): Symbol '(.*)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.*\.csproj)\]", line)
    if not m:
        continue
    code, symbol, proj = m.groups()
    target = pathlib.Path(proj).parent / "PublicAPI.Unshipped.txt"
    (adds if code == "RS0016" else removes)[target].add(symbol)
for target in set(adds) | set(removes):
    lines = [l.rstrip("\n") for l in open(target, encoding="utf-8")] if target.exists() else ["#nullable enable"]
    header = [l for l in lines if l.startswith("#")] or ["#nullable enable"]
    body = {l for l in lines if l and not l.startswith("#")}
    body = (body | adds[target]) - removes[target]
    target.write_text("\n".join(header + sorted(body, key=lambda s: s.lower())) + "\n", encoding="utf-8")
    print(f"{target}: +{len(adds[target])} -{len(removes[target])}")
PY
rm -f "$log"
