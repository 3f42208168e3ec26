"""postman-kit: OpenAPI → Postman collections, and the tools around them.

The public Python API mirrors the command line::

    from postman_kit import generate
    result = generate("openapi.yaml", out_dir="collections")

Its names are imported on first use: `postman-kit snippet`, `logs`, `activity`, `validate` and `sandbox` never
load the generator (60–70 ms of each run's start).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from postman_kit.errors import InputError

if TYPE_CHECKING:
    from postman_kit.generation import GenerateOptions, GenerateResult, build_collection_from_spec, generate

__version__ = "0.1.0"

__all__ = [
    "GenerateOptions",
    "GenerateResult",
    "InputError",
    "__version__",
    "build_collection_from_spec",
    "generate",
]

_GENERATION_NAMES = ("GenerateOptions", "GenerateResult", "build_collection_from_spec", "generate")


def __getattr__(name: str) -> Any:
    if name not in _GENERATION_NAMES:
        raise AttributeError(f"module 'postman_kit' has no attribute {name!r}")
    from postman_kit import generation

    found = getattr(generation, name)
    globals()[name] = found
    return found
