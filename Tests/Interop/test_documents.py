"""Documents through the AWS CLI and boto3: create (YAML and JSON), get, describe, list, update, delete."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime

import pytest
import yaml
from botocore.exceptions import ClientError

from callers import INSTANCES
from documents import APPROVAL_YAML, pause_then_sleep_json
from ssm_clients import CLI_SERVICE_ERROR_EXIT, parse_cli_time, unique_name


def test_cli_creates_a_yaml_document_and_gets_it_back_in_both_formats(endpoint, tmp_path):
    name = unique_name("Interop-Yaml")
    content = tmp_path / "approval.yaml"
    content.write_text(APPROVAL_YAML)

    created = endpoint.cli_ok(
        "create-document", "--name", name, "--document-type", "Automation", "--document-format", "YAML",
        "--content", f"file://{content}",
    )["DocumentDescription"]
    assert created["Name"] == name
    assert created["DocumentType"] == "Automation"
    assert created["DocumentFormat"] == "YAML"
    assert created["SchemaVersion"] == "0.3"
    assert created["DocumentVersion"] == "1"
    assert created["Status"] == "Active"
    assert created["Owner"] == "123456789012"
    assert created["HashType"] == "Sha256"
    assert created["Hash"] == hashlib.sha256(APPROVAL_YAML.encode()).hexdigest()
    parse_cli_time(created["CreatedDate"])
    parameters = {p["Name"]: p for p in created["Parameters"]}
    assert parameters["Approvers"]["Type"] == "StringList"
    assert parameters["Note"]["Type"] == "String"
    assert parameters["Note"]["DefaultValue"] == "from-the-default"

    as_stored = endpoint.cli_ok("get-document", "--name", name)
    assert as_stored["Name"] == name
    assert as_stored["DocumentFormat"] == "YAML"
    assert as_stored["DocumentVersion"] == "1"
    assert as_stored["Content"] == APPROVAL_YAML

    as_json = endpoint.cli_ok("get-document", "--name", name, "--document-format", "JSON")
    assert as_json["DocumentFormat"] == "JSON"
    assert json.loads(as_json["Content"]) == yaml.safe_load(APPROVAL_YAML)


def test_boto3_creates_a_json_document_describes_lists_updates_and_deletes_it(alice_client):
    name = unique_name("Interop-Json")
    content = pause_then_sleep_json()
    created = alice_client.create_document(
        Name=name, Content=content, DocumentType="Automation", DocumentFormat="JSON", Tags=[{"Key": "suite", "Value": "interop"}]
    )["DocumentDescription"]
    assert created["Name"] == name
    assert created["DocumentFormat"] == "JSON"
    assert isinstance(created["CreatedDate"], datetime)

    described = alice_client.describe_document(Name=name)["Document"]
    assert described["Description"] == "Interop pause, sleep, finish"
    assert described["LatestVersion"] == "1"
    assert described["DefaultVersion"] == "1"
    assert described["Tags"] == [{"Key": "suite", "Value": "interop"}]

    listed = alice_client.list_documents(
        Filters=[{"Key": "DocumentType", "Values": ["Automation"]}, {"Key": "Name", "Values": [name]}]
    )["DocumentIdentifiers"]
    assert [d["Name"] for d in listed] == [name]
    assert listed[0]["DocumentType"] == "Automation"
    by_tag = alice_client.list_documents(Filters=[{"Key": "tag:suite", "Values": ["interop"]}])["DocumentIdentifiers"]
    assert name in [d["Name"] for d in by_tag]

    updated_content = pause_then_sleep_json(sleep="PT30S")
    updated = alice_client.update_document(Name=name, Content=updated_content, DocumentVersion="$LATEST")[
        "DocumentDescription"
    ]
    assert updated["DocumentVersion"] == "2"
    assert updated["LatestVersion"] == "2"
    assert updated["DefaultVersion"] == "1", "UpdateDocument makes a new version but leaves the default alone"
    assert alice_client.get_document(Name=name)["Content"] == content
    assert alice_client.get_document(Name=name, DocumentVersion="2")["Content"] == updated_content

    with pytest.raises(ClientError) as same:
        alice_client.update_document(Name=name, Content=updated_content, DocumentVersion="$LATEST")
    assert same.value.response["Error"]["Code"] == "DuplicateDocumentContent"

    alice_client.delete_document(Name=name)
    with pytest.raises(ClientError) as gone:
        alice_client.get_document(Name=name)
    assert gone.value.response["Error"]["Code"] == "InvalidDocument"
    assert gone.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_refusals_of_documents(endpoint, alice_client):
    with pytest.raises(ClientError) as reserved:
        alice_client.create_document(Name="AWS-Mine", Content=pause_then_sleep_json(), DocumentType="Automation")
    assert reserved.value.response["Error"]["Code"] == "ValidationException"

    name = unique_name("Interop-Twice")
    alice_client.create_document(Name=name, Content=pause_then_sleep_json(), DocumentType="Automation")
    again = endpoint.cli(
        "create-document", "--name", name, "--document-type", "Automation", "--content", pause_then_sleep_json()
    )
    assert again.exit_code == CLI_SERVICE_ERROR_EXIT
    assert "An error occurred (DocumentAlreadyExists) when calling the CreateDocument operation" in again.stderr

    broken = endpoint.cli(
        "create-document", "--name", unique_name("Interop-Broken"), "--document-type", "Automation",
        "--content", '{"schemaVersion": "0.3", "mainSteps": [{"name": "x", "action": "aws:noSuchAction"}]}',
    )
    assert broken.exit_code == CLI_SERVICE_ERROR_EXIT
    assert "when calling the CreateDocument operation" in broken.stderr
    assert broken.stdout == ""


def test_describe_instance_information_lists_the_configured_instances(alice_client):
    listed = alice_client.describe_instance_information()["InstanceInformationList"]
    by_id = {i["InstanceId"]: i for i in listed}
    assert set(INSTANCES) <= set(by_id)
    for instance_id in INSTANCES:
        assert by_id[instance_id]["PingStatus"] == "Online"
        assert isinstance(by_id[instance_id]["LastPingDateTime"], datetime)
    tagged = alice_client.describe_instance_information(Filters=[{"Key": "tag:Role", "Values": ["test"]}])
    assert [i["InstanceId"] for i in tagged["InstanceInformationList"]] == [INSTANCES[1]]
