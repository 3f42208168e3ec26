"""postman-kit: OpenAPI → Postman collections, and the tools around them.

The public Python API mirrors the command line::

    from postman_kit import generate
    result = generate("openapi.yaml", out_dir="collections")
"""

from __future__ import annotations

__version__ = "0.1.0"

from postman_kit.errors import InputError
from postman_kit.generate import GenerateOptions, GenerateResult, build_collection_from_spec, generate

__all__ = [
    "GenerateOptions",
    "GenerateResult",
    "InputError",
    "__version__",
    "build_collection_from_spec",
    "generate",
]
