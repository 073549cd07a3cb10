"""Compares `annotations eval --json` with seqeval (strict, IOB2) on the same predictions.

argv: eval.json, the folder with <name>.predicted.json, the gold native files. Each text is
cut into tokens at whitespace and at every gold and predicted span boundary, so every span
covers whole tokens; one IOB2 sequence per document and label (spans of one label never
overlap; spans of different labels may nest), so seqeval's micro average pools the labels.
Offsets are Unicode code points.
"""
import json
import os
import sys

from seqeval.metrics import classification_report
from seqeval.scheme import IOB2

evaluated, folder, golds = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3:]


def spans(native):
    return [(a["start"], a["end"], a["label"]) for a in native["annotations"]]


true_rows, pred_rows = [], []
labels = set()
for path in golds:
    name = os.path.basename(path)[: -len(".annotations.json")]
    gold = json.load(open(path))
    pred = json.load(open(os.path.join(folder, name + ".predicted.json")))
    text = gold["document"]["text"]
    assert pred["document"]["text"] == text, name
    g, p = spans(gold), spans(pred)
    labels |= {l for *_, l in g + p}
    cuts = sorted({0, len(text)} | {x for s, e, _ in g + p for x in (s, e)})
    tokens = []
    for a, b in zip(cuts, cuts[1:]):
        start = None
        for i in range(a, b + 1):
            if i == b or text[i].isspace():
                if start is not None:
                    tokens.append((start, i))
                    start = None
            elif start is None:
                start = i
    for label in sorted(labels):
        for chosen, rows in ((g, true_rows), (p, pred_rows)):
            tags = ["O"] * len(tokens)
            for s, e, l in chosen:
                if l != label:
                    continue
                inside = [i for i, (ts, te) in enumerate(tokens) if s <= ts and te <= e]
                assert inside and tokens[inside[0]][0] == s and tokens[inside[-1]][1] == e, (name, s, e)
                tags[inside[0]] = "B-" + label
                for i in inside[1:]:
                    tags[i] = "I-" + label
            rows.append(tags)

report = classification_report(true_rows, pred_rows, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
checked = 0
for label, ours in list(evaluated["per_label"].items()) + [("micro", evaluated["micro"])]:
    theirs = report.get("micro avg" if label == "micro" else label)
    if theirs is None:
        assert ours["support"] == 0 and ours["false_positives"] == 0, label
        continue
    for key, their_key in (("precision", "precision"), ("recall", "recall"), ("f1", "f1-score")):
        assert abs(ours[key] - theirs[their_key]) < 1e-9, (label, key, ours[key], theirs[their_key])
    assert ours["support"] == theirs["support"], (label, ours["support"], theirs["support"])
    checked += 1
print(f"seqeval (strict, IOB2) agrees with annotations eval on {len(golds)} held-out documents: "
      f"{checked} rows, micro F1 {evaluated['micro']['f1']:.3f}")
