"""`amgen schema` is a JSON Schema an editor can use: standard validators accept it, it accepts the shipped example
spec, and it rejects the structural mistakes the validator reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from harness import Amgen, describe


def spec_schema(amgen: Amgen) -> dict[str, object]:
    result = amgen.run("schema")
    assert result.returncode == 0, describe(result)
    schema: dict[str, object] = json.loads(result.stdout)
    return schema


def test_the_schema_is_a_valid_draft_2020_12_schema(amgen: Amgen) -> None:
    jsonschema.Draft202012Validator.check_schema(spec_schema(amgen))


def test_the_example_spec_validates_against_the_schema(amgen: Amgen, example_spec: Path) -> None:
    validator = jsonschema.Draft202012Validator(spec_schema(amgen))
    errors = [error.message for error in validator.iter_errors(yaml.safe_load(example_spec.read_text()))]
    assert errors == []


def test_the_schema_rejects_unknown_keys_types_and_bad_names(amgen: Amgen, example_spec: Path) -> None:
    spec = yaml.safe_load(example_spec.read_text())
    spec["project"]["descripton"] = "typo"
    spec["entities"]["Patient"]["fields"]["email"]["type"] = "integer"
    spec["entities"]["bad_name"] = {"fields": {"x": {"type": "string"}}}
    validator = jsonschema.Draft202012Validator(spec_schema(amgen))
    paths = sorted("/".join(str(part) for part in error.absolute_path) for error in validator.iter_errors(spec))
    assert paths == ["entities", "entities/Patient/fields/email/type", "project"], paths
