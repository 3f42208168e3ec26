"""The JSON Schemas this project writes, loaded once.

They live in schemas/ at the project root, where users and editors find them; postman_kit/schemas is a link to
that folder so an installed package carries them too.
"""

from __future__ import annotations

import functools
import hashlib
import json
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

import jsonschema

from postman_kit.errors import InputError
from postman_kit.writer import write_atomic

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"
SCHEMA_FILES = {
    "collection": "collection-v2.1.schema.json",
    "error-document": "error-document.schema.json",
    "environment": "environment.schema.json",
    "globals": "globals.schema.json",
    "kit-config": "kit-config.schema.json",
}


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """One of :data:`SCHEMA_FILES` by its short name."""
    return json.loads((SCHEMA_DIR / SCHEMA_FILES[name]).read_text(encoding="utf-8"))


@functools.cache
def validator(name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(load_schema(name))


def json_pointer(path: Any) -> str:
    """A jsonschema error path (deque of keys and indexes) as a JSON pointer."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


@functools.cache
def fast_check(name: str) -> Any:
    """A compiled validator that raises on the first error: most documents are valid, and checking a 6 MB
    collection this way takes a tenth of jsonschema's time; jsonschema then explains the errors of the rest.

    Generating and compiling the code takes longer than checking a typical collection, so the compiled code
    is kept (marshalled, as Python keeps .pyc files) in the user's cache directory, keyed by the schema's
    content and the Python version, and reused by later runs.
    """
    schema = load_schema(name)
    digest = hashlib.sha256(json.dumps(schema, sort_keys=True).encode() + sys.version.encode()).hexdigest()[
        :16
    ]
    cache = cache_dir() / f"{name}-{digest}.marshal"
    try:
        source_name, entry, code = marshal.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        source_name, entry, code = _compile(name, schema)
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(cache, marshal.dumps((source_name, entry, code)))
        except (OSError, InputError):
            pass  # a read-only home only costs the compile next time
    namespace: dict[str, Any] = {"__name__": source_name}
    exec(code, namespace)  # noqa: S102 - code fastjsonschema generated from our own schema
    return namespace[entry]


def _compile(name: str, schema: dict[str, Any]) -> tuple[str, str, Any]:
    import fastjsonschema

    source = fastjsonschema.compile_to_code(schema)
    entry = re.search(r"^def (validate\w*)\(", source, re.MULTILINE)  # the first function checks the root
    if entry is None:
        raise RuntimeError(f"cannot find the entry point of the compiled {name} schema")
    source_name = f"postman_kit_schema_{name.replace('-', '_')}"
    return source_name, entry.group(1), compile(source, source_name, "exec")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "postman-kit" / "schemas"


def schema_errors(name: str, document: Any) -> list[jsonschema.ValidationError]:
    """Every error of `document` against the schema `name`, in document order; [] when it is valid."""
    import fastjsonschema

    try:
        fast_check(name)(document)
        return []
    except fastjsonschema.JsonSchemaException:
        return sorted(validator(name).iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
