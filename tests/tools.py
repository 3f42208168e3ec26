"""Locating the real tools tests drive: the shared corpus, the official Postman schema, newman."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
POSTMAN_SCHEMA = SHARED / "postman-schema" / "v2.1.0"
EXAMPLE_SPEC = ROOT / "collections" / "example-api.openapi.yaml"
# The example collection forked and edited as users edit in Postman: saved requests in a folder of their own,
# a pasted key, an old revision header, a misspelt field.
FORK = ROOT / "tests" / "fixtures" / "validate" / "fork.postman_collection.json"
NODE_TOOLS = ROOT / ".ci" / "node"


def run_program(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """`postman-kit ARGS` as a shell runs it: a fresh interpreter through the console script's `main()`, which
    ends one-shot commands without the interpreter's teardown (what the in-process CliRunner never exercises)."""
    command = [sys.executable, "-c", "from postman_kit.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def require_corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS


def klaviyo_specs(channel: str = "stable") -> list[Path]:
    folder = CORPUS / "klaviyo" / channel
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


@functools.lru_cache(maxsize=1)
def official_collection_schema() -> dict[str, Any]:
    """The official v2.1.0 schema assembled from its draft-07 sources (see its README)."""
    if not POSTMAN_SCHEMA.is_dir():
        pytest.skip("../shared/postman-schema is absent")
    root = json.loads(_strip_comments((POSTMAN_SCHEMA / "collection.json").read_text()))
    definitions = root.setdefault("definitions", {})
    for path in sorted((POSTMAN_SCHEMA / "collection").glob("*.json")):
        definition = json.loads(_strip_comments(path.read_text()))
        definition.pop("$id", None)
        definition.pop("$schema", None)
        definitions[path.stem] = definition
    return root


@functools.lru_cache(maxsize=1)
def official_validator() -> Any:
    import jsonschema

    return jsonschema.Draft7Validator(official_collection_schema())


def _node_tool(binary: Path, name: str) -> str:
    """A pinned Node tool from .ci (installed by .ci/install-node-tools on first use); skip if npm is absent."""
    if not binary.exists():
        if shutil.which("npm") is None:
            pytest.skip(f"npm is not available to install {name}")
        result = subprocess.run(
            ["bash", str(ROOT / ".ci" / "install-node-tools")],
            check=False,  # a failed install is reported below as a skip with npm's message
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0 or not binary.exists():
            pytest.skip(f"could not install {name}: {result.stderr.strip()[-300:]}")
    return str(binary)


def newman_path() -> str:
    """newman from .ci/node (pinned by its lock)."""
    return _node_tool(NODE_TOOLS / "node_modules" / ".bin" / "newman", "newman")


def newman_run(
    files: tuple[Path, Path, Path] | list[Path],
    env_vars: dict[str, str],
    global_vars: dict[str, str] | None = None,
    timeout: int = 120,
) -> subprocess.CompletedProcess[str]:
    """`newman run` of generate's collection with its environment and globals, each variable of `env_vars` and
    `global_vars` given on the command line as a CI job passes them, the plain CLI reporter."""
    collection, environment, globals_file = files
    args = [
        newman_path(),
        "run",
        str(collection),
        "--environment",
        str(environment),
        "--globals",
        str(globals_file),
    ]
    for key, value in env_vars.items():
        args += ["--env-var", f"{key}={value}"]
    for key, value in (global_vars or {}).items():
        args += ["--global-var", f"{key}={value}"]
    args += ["--reporters", "cli", "--color", "off"]
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)


def postman_cli_path() -> str:
    """Postman's official CLI from .ci/postman-cli (pinned to an exact version)."""
    return _node_tool(ROOT / ".ci" / "postman-cli" / "node_modules" / ".bin" / "postman", "postman-cli")


def postman_migrate(collection: Path, out: Path) -> Path:
    """The v3 directory Postman's CLI makes of a v2.1 collection file (`postman collection migrate`)."""
    result = subprocess.run(
        [postman_cli_path(), "collection", "migrate", str(collection), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out
