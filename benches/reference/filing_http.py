"""The anchor of the filing bench (BENCHMARKS.md): the requests of one new-case filing, with the
same bytes, from the thinnest client there is, against a sandbox process on 127.0.0.1.

Usage: python3 filing_http.py path/to/kirjaamo [RUNS]

Per filing, on one keep-alive connection, one request after another as the engine makes them:
the transaction, its claim, the three 1 MB attachments downloaded, the case, the form PDF and the
three attachments uploaded into it, the assignment, the completion. No journal, no checks, no
retries: what the network and the servers cost. Prints the median time per filing in ms.
"""
import base64
import hashlib
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta

binary = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 40
work = tempfile.mkdtemp()
data = os.path.join(work, "data")
os.makedirs(data)
attachments = [bytes([i]) * 1_000_000 for i in range(3)]
form = os.urandom(20_000)  # the form PDF, already rendered (the engine's bench has it too)
ids = ["TX-REF-%04d" % n for n in range(runs)]
for tx in ids:
    os.makedirs(os.path.join(data, tx))
    files = []
    for i, content in enumerate(attachments):
        name = "liite%d.pdf" % (i + 1)
        open(os.path.join(data, tx, name), "wb").write(content)
        files.append({"id": "A%d" % (i + 1), "filename": name, "content_type": "application/pdf"})
    json.dump({
        "id": tx, "service": {"id": "asukaspysakointi", "name": "Asukaspysäköintitunnus"},
        "submitted_at": "2026-11-20T08:30:00Z", "language": "fi",
        "submitter": {"name": "Aino Testinen", "personal_id": None, "email": None, "phone": None, "address": None},
        "title": "Asukaspysäköintitunnus", "attachments": files,
        "fields": [{"key": "plate", "label": "Rekisteritunnus", "value": "ABC-123", "kind": "text", "section": "Ajoneuvo"}],
    }, open(os.path.join(data, tx + ".json"), "w"))

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
sandbox = subprocess.Popen([binary, "sandbox", "--port", str(port), "--data", data],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "RUST_LOG": "warn"})
try:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    for _ in range(100):
        try:
            connection.request("GET", "/_sandbox/health")
            connection.getresponse().read()
            break
        except OSError:
            time.sleep(0.1)
            connection = http.client.HTTPConnection("127.0.0.1", port)
    outbox = {"Authorization": "Bearer epalvelu-demo-token"}
    tweb = {"Authorization": "Basic " + base64.b64encode(b"kirjaamo:demo").decode()}

    def call(method, path, headers, body=None, content_type="application/json", want=(200, 201)):
        headers = dict(headers)
        if body is not None:
            headers["Content-Type"] = content_type
            if isinstance(body, (dict, list)):
                body = json.dumps(body).encode()
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        content = answer.read()
        if answer.status not in want:
            raise SystemExit("%s %s: %d %s" % (method, path, answer.status, content[:300]))
        return content

    def multipart(metadata, name, content):
        boundary = uuid.uuid4().hex
        parts = [
            b"--%s\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n%s\r\n"
            % (boundary.encode(), json.dumps(metadata).encode()),
            b"--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\nContent-Type: application/pdf\r\n\r\n"
            % (boundary.encode(), name.encode()),
            content,
            b"\r\n--%s--\r\n" % boundary.encode(),
        ]
        return b"".join(parts), "multipart/form-data; boundary=" + boundary

    times = []
    for tx in ids:
        start = time.perf_counter()
        call("GET", "/epalvelu/api/v1/transactions/" + tx, outbox)
        claim = json.loads(call("POST", "/epalvelu/api/v1/transactions/%s/claim" % tx, outbox, {"clerk": "Viite"}))
        downloaded = [call("GET", "/epalvelu/api/v1/transactions/%s/attachments/A%d" % (tx, i + 1), outbox)
                      for i in range(3)]
        case = json.loads(call("POST", "/tweb/api/v1/cases", tweb, {
            "case_group": "08.01.04", "title": "Asukaspysäköintitunnus – Aino Testinen",
            "parties": [{"name": "Aino Testinen", "role": "applicant"}], "received_date": "2026-11-20",
            "external_ref": "viite:" + tx}))
        documents = []
        for i, (name, content, kind) in enumerate(
                [("lomake.pdf", form, "HAKEMUS")] + [("liite%d.pdf" % (n + 1), d, "HAKLIITE") for n, d in enumerate(downloaded)]):
            metadata = {"title": name, "document_type": kind, "filename": name, "received_date": "2026-11-20",
                        "external_ref": "viite:%s:%d" % (tx, i), "sha256": hashlib.sha256(content).hexdigest()}
            body, content_type = multipart(metadata, name, content)
            documents.append(json.loads(call("POST", "/tweb/api/v1/cases/%d/documents" % case["id"], tweb, body, content_type)))
        assignment = json.loads(call("POST", "/tweb/api/v1/assignments", tweb, {
            "subject": "Asukaspysäköintitunnus: Aino Testinen", "message": "Uusi hakemus ePalvelusta.",
            "due_date": (date.today() + timedelta(days=5)).isoformat(), "recipients": {"users": ["mjarvinen"], "groups": []}, "case_id": case["id"],
            "external_ref": "viite:%s:assignment" % tx}))
        call("POST", "/epalvelu/api/v1/transactions/%s/complete" % tx, outbox, {"token": claim["token"], "result": {
            "action": "new_case", "case_id": case["id"], "diary_number": case.get("diary_number"),
            "document_ids": [d["id"] for d in documents], "assignment_id": assignment["id"]}})
        times.append(time.perf_counter() - start)
    print("the same requests from Python's http.client, one keep-alive connection: %.1f ms" % (statistics.median(times) * 1000))
finally:
    sandbox.kill()
    sandbox.wait()
