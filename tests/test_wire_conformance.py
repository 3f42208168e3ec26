"""The wire-conformance harness on a few small corpus specs: newman sends each generated request through the
recording proxy, and openapi-core finds them as the spec documents them."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.tools import ROOT, newman_path, require_corpus

pytestmark = [pytest.mark.newman, pytest.mark.corpus]
SUBSET = ("readme-3.0/parameters-cookies", "readme-3.1/petstore-simple", "readme-3.1/petstore")


def load_harness():
    spec = importlib.util.spec_from_file_location(
        "wire_conformance", ROOT / "benchmarks" / "wire_conformance.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["wire_conformance"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_requests_conform_on_the_wire() -> None:
    corpus = require_corpus()
    newman_path()
    harness = load_harness()
    specs = [(name, path) for name, path in harness.corpus_specs(corpus) if name in SUBSET]
    assert len(specs) == len(SUBSET)
    outcomes = harness.run(specs, ("kit",), jobs=3)
    total = harness.totals(outcomes, "kit")
    assert total.requests >= 7
    assert total.conformant == total.requests, harness.report(outcomes, ("kit",), verbose=True)
