#!/usr/bin/env bash
# Trains the tagger with the `annotations` command on 28 of the Wikinews documents, tags the
# other 7 as plain text, and checks that `annotations eval --json` gives the same precision,
# recall and F1 per label and micro as Python's seqeval (strict mode, IOB2) on the same
# predictions, to 1e-9. Offsets are Unicode code points.
# usage: tests/tagger/check_seqeval.sh <python with seqeval> <annotations binary>
set -euo pipefail
python="$1"
annotations="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="$here/../fixtures/wikinews-gum"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mapfile -t all < <(ls "$corpus"/GUM_*.annotations.json | sort)
train=("${all[@]:0:28}")
test=("${all[@]:28}")
"$annotations" train "${train[@]}" -o "$out/model.bin" 2>/dev/null
for gold in "${test[@]}"; do
  name="$(basename "$gold" .annotations.json)"
  "$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["document"]["text"], end="")' "$gold" > "$out/$name.txt"
  "$annotations" tag --model "$out/model.bin" "$out/$name.txt" --to native -o "$out/$name.predicted.json" 2>/dev/null
done
"$annotations" eval --model "$out/model.bin" "${test[@]}" --json > "$out/eval.json"
"$python" "$here/check_seqeval.py" "$out/eval.json" "$out" "${test[@]}"
