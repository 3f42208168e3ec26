"""Every collection generated from the Klaviyo corpus validates clean against its own spec."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from postman_kit.generate import build_collection_from_spec
from postman_kit.openapi import load_api
from postman_kit.validate import Severity, validate_collection
from postman_kit.validate.target import VariablesFile
from tests.tools import CORPUS, klaviyo_specs

# By default a representative subset (the oldest; one whose spec contradicts itself; the last with trailing
# slashes; the first with x-klaviyo-filters; the newest stable and beta). POSTMAN_KIT_FULL_CORPUS=1 checks all 29.
SUBSET = ("2022-10-17", "2023-07-15", "2024-07-15", "2026-04-15", "2026-07-15", "2026-07-15.pre")


def corpus_specs() -> list[Path]:
    specs = klaviyo_specs("stable") + klaviyo_specs("beta")
    if os.environ.get("POSTMAN_KIT_FULL_CORPUS"):
        return specs
    return [s for s in specs if s.stem in SUBSET]


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("spec", corpus_specs(), ids=lambda p: p.stem)
def test_generated_collection_validates_clean_against_its_spec(spec: Path):
    api = load_api(str(spec))
    build = build_collection_from_spec(api)
    report = validate_collection(
        build.collection.to_json(),
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
