"""postman-kit: OpenAPI → Postman collections, and the tools around them.

The public Python API mirrors the command line::

    from postman_kit import generate
    result = generate("openapi.yaml", out_dir="collections")
"""

from __future__ import annotations

__version__ = "0.1.0"

from postman_kit.gcpause import gc_paused

# Importing the core makes tens of thousands of long-lived objects (classes, functions) and no garbage: the cyclic
# collector would only walk them again and again (a fifth of the import's time).
with gc_paused():
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
