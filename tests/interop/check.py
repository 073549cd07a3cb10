"""This app's exports in the real tools, and their exports back in this app: Label Studio
1.23 and doccano 1.8, each running on 127.0.0.1 (started by .ci/interop, not by CI).

- Label Studio: a project with the Text + Labels config takes the Label Studio export of
  tests/golden/mini.annotations.json (emoji, CJK, RTL, CRLF, a span across a line break, a
  nested span); its JSON and JSON_MIN exports open here with the same spans.
- doccano: a sequence-labeling project takes the doccano JSONL export (the same spans after
  its round trip) and the plain CoNLL export (which it reads sentence by sentence); spaCy's
  delimited CoNLL is refused there, which is why the plain one exists.

Offsets are Unicode code points. Usage: check.py <annotations binary> <label studio url>
<label studio token> <doccano url> <doccano user> <doccano password>
"""
import io
import json
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
import zipfile
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
CONFIG = (
    '<View><Labels name="label" toName="text"><Label value="Person"/><Label value="Place"/>'
    '<Label value="Event"/></Labels><Text name="text" value="$text"/></View>'
)


def call(url, method="GET", body=None, token=None, scheme="Token", raw=False, files=None):
    headers = {"Authorization": f"{scheme} {token}"} if token else {}
    data = None
    if files:
        boundary = uuid.uuid4().hex
        parts = []
        for field, (name, content) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
                f"Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n"
            )
        data = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, method=method, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            content = response.read()
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {url}: {error.code} {error.read().decode()[:500]}")
    return content if raw else json.loads(content)


def convert(cli, path, to):
    done = subprocess.run([cli, "convert", str(path), "--to", to], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{path.name} did not open here: {done.stderr.strip()}")
    return done.stdout


def spans_of_native(native):
    return sorted((a["start"], a["end"], a["label"]) for a in native["annotations"])


def spans_of_file(cli, path):
    """The spans of every document in `path`, as this app reads them (code points)."""
    out = convert(cli, path, "doccano")
    return [sorted(tuple(s) for s in json.loads(line)["label"]) for line in out.splitlines()]


def label_studio(cli, url, token, scratch, expected):
    project = call(f"{url}/api/projects", "POST", {"title": "interop", "label_config": CONFIG}, token)
    tasks = json.loads(convert(cli, GOLDEN / "mini.annotations.json", "label-studio"))
    imported = call(f"{url}/api/projects/{project['id']}/import", "POST", tasks, token)
    assert imported["annotation_count"] == 1, imported
    for kind in ["JSON", "JSON_MIN"]:
        exported = call(f"{url}/api/projects/{project['id']}/export?exportType={kind}", token=token, raw=True)
        path = scratch / f"label-studio-{kind}.json"
        path.write_bytes(exported)
        back = spans_of_file(cli, path)
        if back != [expected]:
            sys.exit(f"Label Studio's {kind} export gave other spans: {back} != {[expected]}")
        print(f"Label Studio 1.23 {kind} export: {len(back[0])} spans, the same")


def doccano_wait(url, key, task_id):
    for _ in range(120):
        status = call(f"{url}/v1/tasks/status/{task_id}", token=key)
        if status.get("ready"):
            return status
        time.sleep(0.5)
    sys.exit(f"doccano's task {task_id} did not finish")


def doccano_upload(url, key, project, name, content, file_format):
    upload = call(f"{url}/v1/fp/process/", "POST", token=key, raw=True, files={"filepond": (name, content)})
    task = call(
        f"{url}/v1/projects/{project}/upload", "POST",
        {"uploadIds": [upload.decode()], "format": file_format, "task": "SequenceLabeling",
         "column_data": "text", "column_label": "label", "encoding": "utf_8", "delimiter": ","},
        key,
    )
    return doccano_wait(url, key, task["task_id"])


def doccano(cli, url, user, password, scratch, expected):
    key = call(f"{url}/v1/auth/login/", "POST", {"username": user, "password": password})["key"]

    def project(name):
        created = call(f"{url}/v1/projects", "POST", {
            "name": name, "description": name, "project_type": "SequenceLabeling",
            "resourcetype": "SequenceLabelingProject", "allow_overlapping": True,
            "grapheme_mode": False, "use_relation": False, "guideline": "",
        }, key)
        return created["id"]

    jsonl = convert(cli, GOLDEN / "mini.annotations.json", "doccano").encode()
    first = project("interop-jsonl")
    status = doccano_upload(url, key, first, "mini.doccano.jsonl", jsonl, "JSONL")
    assert not status["result"]["error"], status
    task = call(f"{url}/v1/projects/{first}/download", "POST", {"format": "JSONL", "exportApproved": False}, key)
    doccano_wait(url, key, task["task_id"])
    archive = call(f"{url}/v1/projects/{first}/download?taskId={task['task_id']}", token=key, raw=True)
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        name = next(n for n in zipped.namelist() if n.endswith(".jsonl"))
        path = scratch / "doccano-export.jsonl"
        path.write_bytes(zipped.read(name))
    back = spans_of_file(cli, path)
    if back != [expected]:
        sys.exit(f"doccano's JSONL export gave other spans: {back} != {[expected]}")
    print(f"doccano 1.8 JSONL: uploaded and exported again, {len(back[0])} spans, the same")

    plain = convert(cli, GOLDEN / "mini.annotations.json", "conll-plain").encode()
    second = project("interop-conll")
    status = doccano_upload(url, key, second, "mini.plain.conll", plain, "CoNLL")
    if status["result"]["error"]:
        sys.exit(f"doccano refused the plain CoNLL: {status['result']['error']}")
    examples = call(f"{url}/v1/projects/{second}/examples?limit=100", token=key)["count"]
    print(f"doccano 1.8 CoNLL (plain): read as {examples} examples, with no error")
    delimited = convert(cli, GOLDEN / "mini.annotations.json", "iob2").encode()
    third = project("interop-conll-delimited")
    status = doccano_upload(url, key, third, "mini.iob2.conll", delimited, "CoNLL")
    print(f"doccano 1.8 CoNLL with -DOCSTART-: {'refused' if status['result']['error'] else 'read'}"
          f" ({len(status['result']['error'])} errors)")


def main(cli, ls_url, ls_token, doccano_url, doccano_user, doccano_password):
    native = json.loads((GOLDEN / "mini.annotations.json").read_text(encoding="utf-8"))
    expected = spans_of_native(native)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        label_studio(cli, ls_url, ls_token, scratch, expected)
        doccano(cli, doccano_url, doccano_user, doccano_password, scratch, expected)


if __name__ == "__main__":
    main(*sys.argv[1:7])
