"""Regenerates lambda-console.log: a Lambda log as printed by `aws logs tail` (default format),
built from REAL `-X importtime` runs of a small demo function on a local CPython.

    python3 generate_sample.py [/path/to/python3.12]

Each cold start is one real interpreter run of demo_runtime/bootstrap.py (a stand-in for Lambda's
bootstrap: it imports two runtime-like modules, then the handler module, then calls the handler for
each event). Import rows, user output and handler durations are real; the Lambda platform lines
(INIT_START/START/END/REPORT), timestamps, stream names and request ids are written by this script,
and Init Duration is estimated as init import time + 45 ms of runtime start-up. A few broken lines
are added on purpose (a cut import row, two threads' rows mixed, control bytes).
"""
import os
import random
import subprocess
import sys
import tempfile
import uuid
from datetime import datetime, timedelta, timezone

FILES = {
    "lambda_runtime_client.py": "import http.client\nimport socket\n",
    "lambda_runtime_marshaller.py": "import decimal\nimport json\n",
    "bootstrap.py": r'''
import sys, time, importlib, resource
import lambda_runtime_client, lambda_runtime_marshaller
handler = importlib.import_module("app.handler").handler
for n in range(int(sys.argv[1])):
    sys.stderr.write("@@START\n")
    t = time.perf_counter()
    handler({"order": n + 1}, None)
    ms = (time.perf_counter() - t) * 1000
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    sys.stderr.write("@@END %.2f %d\n" % (ms, rss))
''',
    "app/__init__.py": "",
    "app/settings.py": "import os\nimport pathlib\nTABLE = os.environ.get('TABLE', 'orders')\n",
    "app/handler.py": r'''
import json
import logging
import email.message
from decimal import Decimal
from app import settings

print("app: module loaded, table", settings.TABLE)


def handler(event, context):
    import sqlite3
    import xml.etree.ElementTree as ET
    print("processing order", event["order"])
    db = sqlite3.connect(":memory:")
    db.execute("create table t (x)")
    ET.fromstring("<a><b>%d</b></a>" % event["order"])
    return {"statusCode": 200, "body": json.dumps({"total": str(Decimal("1.10") * event["order"])})}
''',
}

WRAPPER = ("coldstart: importtime profile start; interpreter=/var/lang/bin/python3.12; "
           "init_type={}; options=-X importtime; chain=none")


def run_cold_start(python, workdir, invocations):
    proc = subprocess.run([python, "-u", "-X", "importtime", "bootstrap.py", str(invocations)],
                          cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=True)
    return proc.stdout.splitlines()


def init_import_ms(lines):
    roots = [l for l in lines if l.startswith("import time:") and "|" in l and l.split("|")[2][1:2] not in (" ", "i")]
    return sum(int(l.split("|")[1]) for l in roots) / 1000


def main():
    python = sys.argv[1] if len(sys.argv) > 1 else "python3.12"
    rng = random.Random(20261120)
    out = []
    clock = [datetime(2026, 11, 20, 9, 14, 3, 512000, tzinfo=timezone.utc)]

    def emit(stream, message, step_ms=0.4):
        clock[0] += timedelta(milliseconds=step_ms + rng.random())
        out.append("%s %s %s" % (clock[0].isoformat(timespec="microseconds"), stream, message))

    with tempfile.TemporaryDirectory() as work:
        for name, text in FILES.items():
            os.makedirs(os.path.dirname(os.path.join(work, name)), exist_ok=True)
            with open(os.path.join(work, name), "w") as f:
                f.write(text)
        run_cold_start(python, work, 1)  # compile the demo once, as a deployed package ships its .pyc

        streams = ["2026/11/20/[$LATEST]3f1e9b7c2d4a4e0f8a61c5d2b7e90a14",
                   "2026/11/20/[$LATEST]8c02d5e1a97f4b3c9e6d1f2a3b4c5d6e"]
        plan = [(streams[0], "on-demand", 3), (streams[1], "provisioned-concurrency", 2), (streams[0], "on-demand", 2)]
        for index, (stream, init_type, invocations) in enumerate(plan):
            lines = run_cold_start(python, work, invocations)
            init_lines = lines[:lines.index("@@START")]
            init_ms = init_import_ms(init_lines) + 45 + rng.random() * 5
            emit(stream, "INIT_START Runtime Version: python:3.12.v38\tRuntime Version ARN: "
                 "arn:aws:lambda:us-east-1::runtime:7b620fc2e66107a1046b140b9d320295811af3ad5d4c6a011fad1fa65127e9e6",
                 step_ms=60_000 * (index + 1))
            emit(stream, WRAPPER.format(init_type))
            first = True
            for line in lines:
                if line == "@@START":
                    if first and init_type == "provisioned-concurrency":
                        emit(stream, "INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: success" % init_ms)
                        clock[0] += timedelta(minutes=3)
                    request = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                    emit(stream, "START RequestId: %s Version: $LATEST" % request, step_ms=900)
                elif line.startswith("@@END"):
                    _, ms, rss = line.split()
                    emit(stream, "END RequestId: %s" % request, step_ms=float(ms))
                    report = "REPORT RequestId: %s\tDuration: %s ms\tBilled Duration: %d ms\tMemory Size: 512 MB\tMax Memory Used: %s MB" % (
                        request, ms, int(float(ms)) + 1, rss)
                    if first and init_type == "on-demand":
                        report += "\tInit Duration: %.2f ms" % init_ms
                    emit(stream, report)
                    first = False
                else:
                    emit(stream, line, step_ms=0.05)
            if index == 1:
                emit(stream, "import time:       210 | import time:        88 |         88 |     _strptime")
                emit(stream, "import time:      1")
                emit(stream, "\x01\x02\x7f\x03 garbled")

    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lambda-console.log"), "w", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    print("wrote %d lines" % len(out))


if __name__ == "__main__":
    main()
