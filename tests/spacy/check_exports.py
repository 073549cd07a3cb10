"""Loads the app's spaCy, CoNLL and Prodigy exports in spaCy 3 and checks every entity.

usage: python check_exports.py <native.json> <spacy.json> <iob2.conll> <bilou.conll> <prodigy.jsonl>

The native export is the truth. Offsets everywhere are Unicode code points (Python string
indices). spaCy entities cannot overlap, so the expected entities are the outermost spans, the
same ones the app keeps (it lists the others before a download). Exits non-zero on any
misaligned or missing entity.
"""

import json
import sys

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import offsets_to_biluo_tags
from spacy.training.converters import conll_ner_to_docs


def outermost(spans):
    """Spans sorted by (start, longest first), keeping each that starts after the last kept."""
    kept, reach = [], 0
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[0] >= reach:
            kept.append(span)
            reach = span[1]
    return kept


def squeeze(text):
    """Text without whitespace: CoNLL keeps tokens, not the spaces between them."""
    return "".join(text.split())


def main(native_path, spacy_path, iob2_path, bilou_path, prodigy_path):
    native = json.load(open(native_path, encoding="utf-8"))
    text = native["document"]["text"]
    spans = [(a["start"], a["end"], a["label"]) for a in native["annotations"]]
    for start, end, _ in spans:
        assert text[start:end] == next(
            a["text"] for a in native["annotations"] if (a["start"], a["end"]) == (start, end)
        )
    expected = outermost(spans)
    nlp = spacy.blank("en")
    failures = []

    # spaCy training offsets -> Doc.char_span in strict mode -> DocBin
    (offsets_text, annotations), = json.load(open(spacy_path, encoding="utf-8"))
    assert offsets_text == text, "the spaCy file's text differs from the article"
    doc = nlp.make_doc(offsets_text)
    ents = []
    for start, end, label in annotations["entities"]:
        span = doc.char_span(start, end, label=label, alignment_mode="strict")
        if span is None:
            failures.append(f"spaCy offsets: {label} {start}-{end} {text[start:end]!r} is not on token boundaries")
        else:
            ents.append(span)
    doc.ents = ents
    tags = offsets_to_biluo_tags(nlp.make_doc(text), annotations["entities"])
    if "-" in tags:
        failures.append(f"spaCy offsets: offsets_to_biluo_tags found {tags.count('-')} misaligned tokens")
    DocBin(docs=[doc]).to_bytes()
    got = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    if got != expected:
        failures.append(f"spaCy offsets: entities {got[:5]}… differ from {expected[:5]}…")
    print(f"spaCy offsets: {len(got)} entities, all strict-aligned, DocBin written")

    # CoNLL IOB2 and BILOU through spaCy's own `spacy convert --converter ner` reader
    want = [(label, squeeze(text[s:e])) for s, e, label in expected]
    for name, path in (("IOB2", iob2_path), ("BILOU", bilou_path)):
        docs = list(conll_ner_to_docs(open(path, encoding="utf-8").read(), n_sents=0, no_print=True))
        if len(docs) != 1:
            failures.append(f"{name}: {len(docs)} documents, expected 1")
            continue
        got = [(e.label_, squeeze(e.text)) for e in docs[0].ents]
        if got != want:
            failures.append(f"{name}: entities differ; first difference at {next((i for i, (g, w) in enumerate(zip(got, want)) if g != w), min(len(got), len(want)))}")
        if squeeze(docs[0].text) != squeeze(text):
            failures.append(f"{name}: the tokens do not spell the article")
        print(f"{name}: {len(got)} entities read by spaCy's CoNLL converter")

    # Prodigy JSONL: tokens rebuild the text; spans align with their tokens
    (line,) = [json.loads(l) for l in open(prodigy_path, encoding="utf-8") if l.strip()]
    words = [t["text"] for t in line["tokens"]]
    doc = Doc(nlp.vocab, words=words, spaces=[t["ws"] for t in line["tokens"]])
    if doc.text != text:
        failures.append("Prodigy: the tokens and their ws do not spell the article")
    for t in line["tokens"]:
        if doc[t["id"]].idx != t["start"]:
            failures.append(f"Prodigy: token {t['id']} {t['text']!r} starts at {doc[t['id']].idx}, not {t['start']}")
            break
    for s in line["spans"]:
        span = doc.char_span(s["start"], s["end"], alignment_mode="strict")
        if span is None or (span.start, span.end - 1) != (s["token_start"], s["token_end"]):
            failures.append(f"Prodigy: span {s} does not match its tokens")
    print(f"Prodigy: {len(line['spans'])} spans match their tokens")

    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
