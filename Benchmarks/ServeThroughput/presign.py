"""Prepares one read request for the throughput benchmark and signs it once with botocore.

A SigV4 signature stays valid for five minutes, so wrk can replay the same signed request for a whole run.

    presign.py serve URL ACCESS_KEY SECRET OUT   # an execution to read, then GetAutomationExecution
    presign.py moto  URL ACCESS_KEY SECRET OUT   # a document to read, then GetDocument

OUT gets the request for replay.lua: the method, the path, the body, then one `Name: value` header a line.
Before writing it, the request is sent once and must answer 200, so a benchmark never measures refusals.
"""
from __future__ import annotations

import json
import sys
import time
import urllib.error
import urllib.request

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

REGION = "us-east-1"
DOCUMENT = json.dumps(
    {
        "schemaVersion": "0.3",
        "description": "Throughput benchmark: one pause step, so the execution waits while it is read.",
        "mainSteps": [
            {"name": "Hold", "action": "aws:pause", "inputs": {}},
            {"name": "Finish", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}, "isEnd": True},
        ],
    }
)


def prepare(kind: str, url: str, key: str, secret: str) -> tuple[str, dict]:
    client = boto3.client(
        "ssm", endpoint_url=url, region_name=REGION, aws_access_key_id=key, aws_secret_access_key=secret
    )
    client.create_document(Name="ThroughputBenchmark", Content=DOCUMENT, DocumentType="Automation")
    if kind == "moto":
        return "GetDocument", {"Name": "ThroughputBenchmark"}
    execution_id = client.start_automation_execution(DocumentName="ThroughputBenchmark")["AutomationExecutionId"]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        execution = client.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]
        if execution["AutomationExecutionStatus"] == "Waiting":
            return "GetAutomationExecution", {"AutomationExecutionId": execution_id}
        time.sleep(0.1)
    sys.exit(f"presign.py: execution {execution_id} did not reach Waiting within 20 s; check the serve log.")


def signed(url: str, key: str, secret: str, operation: str, body: dict) -> AWSRequest:
    request = AWSRequest(
        method="POST",
        url=url + "/",
        data=json.dumps(body, separators=(",", ":")),
        headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": f"AmazonSSM.{operation}"},
    )
    SigV4Auth(Credentials(key, secret), "ssm", REGION).add_auth(request)
    return request


def body_bytes(request: AWSRequest) -> bytes:
    body = request.body
    return body if isinstance(body, bytes) else body.encode()


def check_once(request: AWSRequest) -> None:
    probe = urllib.request.Request(request.url, data=body_bytes(request), method="POST", headers=dict(request.headers.items()))
    try:
        with urllib.request.urlopen(probe, timeout=10) as response:
            response.read()
    except urllib.error.HTTPError as error:
        sys.exit(f"presign.py: the signed request was refused with {error.code}: {error.read().decode()[:500]}")


def main() -> None:
    if len(sys.argv) != 6 or sys.argv[1] not in ("serve", "moto"):
        sys.exit("usage: presign.py serve|moto URL ACCESS_KEY SECRET OUT")
    kind, url, key, secret, out = sys.argv[1:]
    operation, body = prepare(kind, url, key, secret)
    request = signed(url, key, secret, operation, body)
    check_once(request)
    with open(out, "w") as file:
        file.write("POST\n/\n" + body_bytes(request).decode() + "\n")
        for name, value in request.headers.items():
            file.write(f"{name}: {value}\n")
    print(operation)


if __name__ == "__main__":
    main()
