"""The W3C Web Annotation export against the model and a JSON-LD processor.

1. tests/golden/mini.w3c.jsonld (and an export naming its annotator) validate against
   tests/w3c/schema.json, the model's MUSTs written out from the spec (jsonschema).
2. pyld frames it (the annotations under @graph) and flattens it (every node under @graph,
   bodies, targets and selectors as references), with the anno.jsonld context terms this
   export uses written out in tests/w3c/context.jsonld (there is no network here); the
   command line opens both against the article's text and gives back the golden spans.

Offsets are Unicode code points. Usage: check.py <annotations binary>
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
from pyld import jsonld

HERE = Path(__file__).resolve().parent
GOLDEN = HERE.parent / "golden"
CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld"
CONTEXT = json.loads((HERE / "context.jsonld").read_text(encoding="utf-8"))


def loader(url, options=None):
    if url != CONTEXT_URL:
        raise RuntimeError(f"no network: {url}")
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def spans(native):
    return sorted((a["start"], a["end"], a["label"]) for a in native["annotations"])


def main(cli):
    jsonld.set_document_loader(loader)
    schema = json.loads((HERE / "schema.json").read_text(encoding="utf-8"))
    export = json.loads((GOLDEN / "mini.w3c.jsonld").read_text(encoding="utf-8"))
    jsonschema.validate(export, schema)
    native = json.loads((GOLDEN / "mini.annotations.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        article = scratch / "mini.txt"
        article.write_bytes(native["document"]["text"].encode("utf-8"))
        # An export that names its annotator: the creator agent validates too.
        named = dict(native, document=dict(native["document"], annotator="alice"))
        (scratch / "named.json").write_text(json.dumps(named), encoding="utf-8")
        written = subprocess.run(
            [cli, "convert", str(scratch / "named.json"), "--to", "w3c"],
            check=True, capture_output=True, text=True,
        ).stdout
        jsonschema.validate(json.loads(written), schema)
        shaped = {
            "framed": jsonld.frame(export, {"@context": CONTEXT_URL, "type": "Annotation"}),
            "flattened": jsonld.flatten(export, CONTEXT_URL),
        }
        for name, document in shaped.items():
            assert "@graph" in document, f"{name}: pyld wrote no @graph"
            path = scratch / f"{name}.jsonld"
            path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
            opened = subprocess.run(
                [cli, "convert", str(path), "--text", str(article), "--to", "native"],
                capture_output=True, text=True,
            )
            if opened.returncode != 0:
                sys.exit(f"{name} JSON-LD was not opened: {opened.stderr.strip()}")
            back = spans(json.loads(opened.stdout))
            if back != spans(native):
                sys.exit(f"{name} JSON-LD gave other spans: {back} != {spans(native)}")
            print(f"{name} JSON-LD (pyld): {len(back)} spans, the same as the export's")
    print("the export validates against the model's MUSTs (tests/w3c/schema.json)")


if __name__ == "__main__":
    main(sys.argv[1])
