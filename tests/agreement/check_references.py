"""Checks `annotations agree --json --tokens` against Python's references on the same files:
exact-match span F1 against seqeval (strict mode, IOB2, each label's spans tagged over the
text's code points, so any span is a run of tags), overlap F1 against nervaluate's "ent_type"
(ends made inclusive, as it counts them) and token κ against scikit-learn's
`cohen_kappa_score` on the token labels the command printed; all to 1e-9, micro and per label.
Prints the references' numbers as JSON (make_golden.py keeps them as expected.json).
usage: check_references.py <agree.json> <annotator.jsonl>... Offsets are Unicode code points."""

import json
import math
import sys
from itertools import combinations
from pathlib import Path

from nervaluate import Evaluator
from seqeval.metrics import classification_report
from seqeval.scheme import IOB2
from sklearn.metrics import cohen_kappa_score

TOLERANCE = 1e-9


def read(path):
    docs = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            docs[str(record["id"])] = (record["text"], sorted(tuple(s) for s in record["label"]))
    return Path(path).stem, docs


def tags(text, spans, label):
    out = ["O"] * len(text)
    for start, end, name in spans:
        if name == label:
            out[start] = f"B-{label}"
            for i in range(start + 1, end):
                out[i] = f"I-{label}"
    return out


def references(first, second, tokens):
    ids = [i for i in first[1] if i in second[1]]
    labels = sorted({s[2] for i in ids for s in first[1][i][1] + second[1][i][1]})
    y_true, y_pred = [], []
    for i in ids:
        text = first[1][i][0]
        for label in labels:
            y_true.append(tags(text, first[1][i][1], label))
            y_pred.append(tags(text, second[1][i][1], label))
    report = classification_report(y_true, y_pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    entities = lambda d: [[{"label": l, "start": s, "end": e - 1} for s, e, l in d[1][i][1]] for i in ids]
    nerv = Evaluator(entities(first), entities(second), tags=labels, loader="dict").evaluate()
    a = [t for i in ids for t in tokens[first[0]][i]]
    b = [t for i in ids for t in tokens[second[0]][i]]
    kappa = cohen_kappa_score(a, b)
    prf = lambda r: {"precision": r["precision"], "recall": r["recall"], "f1": r["f1-score"]}
    nprf = lambda r: {"precision": r.precision, "recall": r.recall, "f1": r.f1}
    return {
        "first": first[0], "second": second[0],
        "exact": prf(report["micro avg"]), "overlap": nprf(nerv["overall"]["ent_type"]),
        "kappa": None if math.isnan(kappa) else kappa,
        "per_label": {
            l: {"exact": prf(report[l]) if l in report else None, "overlap": nprf(nerv["entities"][l]["ent_type"])}
            for l in labels
        },
    }


def close(ours, theirs, where, problems):
    if theirs is None and ours is None:
        return
    if theirs is None or ours is None or abs(ours - theirs) > TOLERANCE:
        problems.append(f"{where}: ours {ours}, the reference's {theirs}")


def main():
    ours = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    annotators = [read(p) for p in sys.argv[2:]]
    expected = [references(a, b, ours["token_labels"]) for a, b in combinations(annotators, 2)]
    problems = []
    for ref in expected:
        pair = next(p for p in ours["pairs"] if (p["first"], p["second"]) == (ref["first"], ref["second"]))
        name = f'{ref["first"]}/{ref["second"]}'
        for kind in ("exact", "overlap"):
            for key in ("precision", "recall", "f1"):
                close(pair[kind][key], ref[kind][key], f"{name} {kind} {key}", problems)
        close(pair["kappa"], ref["kappa"], f"{name} kappa", problems)
        for label, refs in ref["per_label"].items():
            for kind in ("exact", "overlap"):
                if refs[kind] is not None:
                    close(pair["per_label"][label][kind]["f1"], refs[kind]["f1"], f"{name} {label} {kind} f1", problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(f"agreement: {len(problems)} numbers differ from seqeval / nervaluate / scikit-learn")
    print(json.dumps({"unit": "Unicode code points", "pairs": expected}, indent=1))
    print(f"agreement: {len(expected)} pairs match seqeval, nervaluate and scikit-learn to 1e-9", file=sys.stderr)


if __name__ == "__main__":
    main()
