"""Every collection generated from the Klaviyo corpus validates clean against its own spec, and both our
collection schema and the official v2.1.0 schema accept it."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest

from postman_kit.generate import build_collection_from_spec
from postman_kit.openapi import load_api
from postman_kit.validate import Severity, validate_collection
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


@functools.cache
def official_check() -> Any:
    # Compiled: python-jsonschema needs seconds per multi-megabyte collection, this a fraction of that.
    return fastjsonschema.compile(official_collection_schema())


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("spec", corpus_specs(), ids=lambda p: p.stem)
def test_generated_collection_validates_clean_and_fits_both_schemas(spec: Path):
    api = load_api(str(spec))
    build = build_collection_from_spec(api)
    collection = json.loads(json.dumps(build.collection.to_json()))  # exactly what is written
    report = validate_collection(
        collection,
        spec.name,
        api=api,
        environment=VariablesFile("environment", build.environment),
        globals_file=VariablesFile("globals", build.globals),
    )
    serious = [f"{f.rule} {f.item}: {f.message}" for f in report.findings if f.severity >= Severity.WARNING]
    assert serious == []
    # every rule family ran, the saved-request ones included
    assert {rule.family for rule in report.rules} == {"structure", "auth", "revision", "request", "troubleshooting",
                                                      "lint"}
    fast_check("collection")(collection)  # raises when ours rejects it
    official_check()(collection)  # raises when the official schema rejects it
