"""Writes the agreement golden set, tests/fixtures/agreement/: three annotators' doccano JSONL
files of the same 21 documents (the seed article and 20 Wikinews documents of
tests/fixtures/wikinews-gum), made from the gold spans by seeded perturbations — boundaries
shifted by a word, labels changed, spans missed, spans added, spans nested inside others —
and expected.json, the numbers Python's references give for them (check_references.py
computes them). Run once by hand: python3 tests/agreement/make_golden.py <python with the
references> <annotations binary>. Offsets are Unicode code points, start inclusive, end exclusive."""

import json
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
OUT = FIXTURES / "agreement"
LABELS = ["Person", "Place", "Event"]
# Per annotator, the chance of each perturbation of a gold span; alice keeps the gold.
ANNOTATORS = {
    "alice": None,
    "bob": {"shift": 0.08, "relabel": 0.05, "miss": 0.07, "extra": 0.06, "nest": 0.05},
    "carol": {"shift": 0.12, "relabel": 0.08, "miss": 0.10, "extra": 0.04, "nest": 0.08},
}


def documents():
    files = [FIXTURES / "seed.annotations.json"]
    files += sorted((FIXTURES / "wikinews-gum").glob("GUM_*.annotations.json"))[:20]
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        spans = [(a["start"], a["end"], a["label"]) for a in data["annotations"]]
        yield data["document"]["id"], data["document"]["text"], spans


def words(text):
    return [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]


def shifted(span, bounds, rng):
    start, end, label = span
    starts = [s for s, _ in bounds]
    ends = [e for _, e in bounds]
    if rng.random() < 0.5:
        after = [e for e in ends if e > end]
        before = [e for e in ends if start < e < end]
        end = (after[0] if after and rng.random() < 0.5 else before[-1] if before else end)
    else:
        before = [s for s in starts if s < start]
        inside = [s for s in starts if start < s < end]
        start = (before[-1] if before and rng.random() < 0.5 else inside[0] if inside else start)
    return (start, end, label)


def valid(spans):
    """Sorted, no duplicates, no crossing overlaps, no span inside one of its own label."""
    kept = []
    for span in sorted(set(spans), key=lambda s: (s[0], -s[1], s[2])):
        start, end, label = span
        fine = all(
            end <= s or e <= start
            or ((s <= start and end <= e) or (start <= s and e <= end)) and label != l
            for s, e, l in kept
        )
        if fine and start < end:
            kept.append(span)
    return sorted(kept)


def perturb(text, gold, odds, rng):
    if odds is None:
        return valid(gold)
    bounds = words(text)
    out = []
    for span in gold:
        roll = rng.random()
        if roll < odds["miss"]:
            continue
        roll -= odds["miss"]
        if roll < odds["shift"]:
            span = shifted(span, bounds, rng)
        elif roll - odds["shift"] < odds["relabel"]:
            span = (span[0], span[1], rng.choice([l for l in LABELS if l != span[2]]))
        out.append(span)
        inner = [(s, e) for s, e in bounds if span[0] <= s and e <= span[1]]
        if len(inner) > 1 and rng.random() < odds["nest"]:
            s, e = rng.choice(inner)
            out.append((s, e, rng.choice([l for l in LABELS if l != span[2]])))
    capitalized = [(s, e) for s, e in bounds if text[s].isupper()]
    for _ in range(round(len(gold) * odds["extra"])):
        s, e = rng.choice(capitalized)
        out.append((s, e, rng.choice(LABELS)))
    return valid(out)


def main():
    OUT.mkdir(exist_ok=True)
    rng = random.Random(15)
    docs = list(documents())
    for name, odds in ANNOTATORS.items():
        lines = []
        for doc_id, text, gold in docs:
            spans = perturb(text, gold, odds, rng)
            lines.append(json.dumps({"id": doc_id, "text": text, "label": [list(s) for s in spans]}, ensure_ascii=False))
        (OUT / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    python, annotations = sys.argv[1], sys.argv[2]
    files = [str(OUT / f"{n}.jsonl") for n in ANNOTATORS]
    ours = subprocess.run([annotations, "agree", *files, "--json", "--tokens"], check=True, capture_output=True, text=True).stdout
    (OUT / "ours.json").write_text(ours, encoding="utf-8")
    try:
        expected = subprocess.run(
            [python, str(HERE / "check_references.py"), str(OUT / "ours.json"), *files],
            check=True, capture_output=True, text=True,
        ).stdout
    finally:
        (OUT / "ours.json").unlink()
    (OUT / "expected.json").write_text(expected, encoding="utf-8")


if __name__ == "__main__":
    main()
