"""Every collection generated from the corpus (every Klaviyo revision, every real-world and example spec)
validates clean against its own spec, with its environment and globals: no finding of any level. A subset of
Klaviyo revisions is also checked against our collection schema and the official v2.1.0 schema."""

from __future__ import annotations

import copy
import functools
import json
import os
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest

from postman_kit.generation import build_collection_from_spec
from postman_kit.openapi import load_api
from postman_kit.validate import Report, validate_collection
from postman_kit.validate.schemas import fast_check
from postman_kit.validate.target import VariablesFile
from tests.tools import CORPUS, klaviyo_specs, official_collection_schema

# By default a representative subset: the oldest; one whose spec contradicts itself; the last with trailing
# slashes; the newest stable (no trailing slashes, x-klaviyo-filters) and beta.
# POSTMAN_KIT_FULL_CORPUS=1 checks all 29 revisions.
SUBSET = ("2022-10-17", "2023-07-15", "2024-07-15", "2026-07-15", "2026-07-15.pre")


def corpus_specs() -> list[Path]:
    specs = klaviyo_specs("stable") + klaviyo_specs("beta")
    if os.environ.get("POSTMAN_KIT_FULL_CORPUS"):
        return specs
    return [s for s in specs if s.stem in SUBSET]


def every_spec() -> list[Path]:
    """Every Klaviyo revision and every other vendor's or example spec of the corpus, as files."""
    if not CORPUS.is_dir():
        return []
    others = [
        CORPUS / "twilio",
        CORPUS / "openapi-examples",
        CORPUS / "real-world",
        *sorted((CORPUS / "real-world" / "readme-oas-examples").glob("3.*/*")),
    ]
    files = [
        path
        for folder in others
        if folder.is_dir()
        for path in sorted(folder.glob("*"))
        if path.suffix in (".json", ".yaml", ".yml")
    ]
    return (
        klaviyo_specs("stable")
        + klaviyo_specs("beta")
        + files
        + [CORPUS / "real-world/train-travel/openapi.yaml"]
    )


def spec_id(path: Path) -> str:
    return str(path.relative_to(CORPUS)) if CORPUS in path.parents else path.name


def generated_and_validated(spec: Path) -> tuple[dict[str, Any], Report]:
    """The collection generate writes for `spec`, and validate's report on it with its environment and globals."""
    api = load_api(str(spec))
    build = build_collection_from_spec(api)
    collection = json.loads(json.dumps(build.collection.to_json()))  # exactly what is written
    report = validate_collection(
        collection,
        spec.name,
        api=api,
        environment=VariablesFile("environment", build.environment),
        globals_file=VariablesFile("globals", build.globals, "globals"),
    )
    return collection, report


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("spec", every_spec(), ids=spec_id)
def test_the_kits_own_output_has_no_finding_of_any_level(spec: Path):
    _, report = generated_and_validated(spec)
    assert [f"{f.severity.label} {f.rule} {f.item}: {f.message}" for f in report.findings] == []


@functools.cache
def official_check() -> Any:
    # Compiled: python-jsonschema needs seconds per multi-megabyte collection, this a fraction of that. From a
    # copy: fastjsonschema rewrites the schema it compiles, and the shared one is the other tests' oracle too.
    return fastjsonschema.compile(copy.deepcopy(official_collection_schema()))


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("spec", corpus_specs(), ids=lambda p: p.stem)
def test_generated_collection_runs_every_rule_family_and_fits_both_schemas(spec: Path):
    collection, report = generated_and_validated(spec)
    # every rule family ran, the saved-request ones included
    assert {rule.family for rule in report.rules} == {
        "structure",
        "auth",
        "revision",
        "request",
        "troubleshooting",
        "lint",
    }
    fast_check("collection")(collection)  # raises when ours rejects it
    official_check()(collection)  # raises when the official schema rejects it
