"""The shape checks compiled ahead into postman_kit/shape_checks are the shapes postman_kit/shapes.py declares."""

from __future__ import annotations

from pathlib import Path

import pytest

from postman_kit import shapes
from postman_kit.errors import InputError

CHECKS = Path(shapes.__file__).parent / "shape_checks"


@pytest.mark.parametrize("kind", ["openapi", "collection", "variables"])
def test_compiled_checks_match_the_shapes(kind: str) -> None:
    # After changing a shape (or fastjsonschema's version), run postman_kit.shapes.write_compiled_checks().
    assert (CHECKS / f"{kind}.py").read_text(encoding="utf-8") == shapes.compiled_check(kind)


def test_compiled_check_refuses_a_bad_spec_naming_the_place() -> None:
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {"/things": {"get": {"parameters": [{"name": "id", "in": 7}]}}},
    }
    with pytest.raises(InputError) as caught:
        shapes.check_openapi_shape(spec, "spec.json")
    assert str(caught.value) == (
        "spec.json: not a valid OpenAPI document: #/paths/~1things/get/parameters/0/in must be string"
    )
