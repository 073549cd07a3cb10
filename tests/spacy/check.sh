#!/usr/bin/env bash
# Exports the seed article (58 Person/Place/Event spans, one nested) and the golden mini
# article (emoji, CJK, RTL, CRLF) with the `annotations` command, then loads the spaCy, CoNLL
# IOB2/BILOU and Prodigy files in spaCy 3 and checks every entity. Offsets are code points.
# usage: tests/spacy/check.sh <python with spaCy> <annotations binary>
set -euo pipefail
python="$1"
annotations="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for native in "$here/../fixtures/seed.annotations.json" "$here/../golden/mini.annotations.json"; do
  name="$(basename "$native" .annotations.json)"
  for format in spacy iob2 bilou prodigy; do
    "$annotations" convert "$native" --to "$format" -o "$out/$name.$format" 2>>"$out/left-out.txt"
  done
  echo "-- $name"
  "$python" "$here/check_exports.py" "$native" "$out/$name.spacy" "$out/$name.iob2" \
    "$out/$name.bilou" "$out/$name.prodigy"
done
