"""Which rules run and how strictly: `[tool.postman-kit.validate]` in pyproject.toml or `[validate]` in
postman-kit.toml (found in the current directory or above), then the command line on top."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from postman_kit.errors import InputError
from postman_kit.loader import read_local_file
from postman_kit.validate.model import Severity
from postman_kit.validate.schemas import json_pointer, validator

ALL = "ALL"
KIT_FILE = "postman-kit.toml"


@dataclass(frozen=True)
class ValidateConfig:
    select: tuple[str, ...] = (ALL,)
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    severity: dict[str, Severity] = field(default_factory=dict)
    spec: str | None = None
    environment: str | None = None
    globals: str | None = None
    source: str | None = None  # the file the settings came from

    def with_options(
        self, *, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), fail_on: str | None = None
    ) -> ValidateConfig:
        """The command line on top of the file: --select replaces, --ignore adds."""
        return replace(
            self,
            select=select or self.select,
            ignore=self.ignore + ignore,
            fail_on=Severity.parse(fail_on) if fail_on else self.fail_on,
        )

    def is_selected(self, rule_id: str) -> bool:
        """The most specific selector wins (an id beats its family, a family beats ALL); ignore wins a tie."""
        return _specificity(rule_id, self.select) > _specificity(rule_id, self.ignore)

    def severity_of(self, rule_id: str, default: Severity) -> Severity:
        best = max((s for s in self.severity if _matches(rule_id, s)), key=_selector_rank, default=None)
        return self.severity[best] if best is not None else default


def _matches(rule_id: str, selector: str) -> bool:
    return selector == ALL or rule_id == selector or rule_id.startswith(selector + "/")


def _selector_rank(selector: str) -> int:
    return 0 if selector == ALL else 2 if "/" in selector else 1


def _specificity(rule_id: str, selectors: tuple[str, ...]) -> int:
    return max((_selector_rank(s) for s in selectors if _matches(rule_id, s)), default=-1)


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest postman-kit.toml, or pyproject.toml with a [tool.postman-kit] table, at or above `start`."""
    for folder in [start, *start.parents]:
        kit = folder / KIT_FILE
        if kit.is_file():
            return kit, _read_toml(kit)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("postman-kit")
            if isinstance(table, dict):
                return pyproject, table
    return None


def load_config(path: str | Path | None = None, start: Path | None = None) -> ValidateConfig:
    """Settings from `path` (a postman-kit.toml or pyproject.toml), or from the nearest config file."""
    found: tuple[Path, dict[str, Any]] | None
    if path is not None:
        path = Path(path)
        if not path.exists():
            raise InputError(str(path), "no such file")
        data = _read_toml(path)
        found = (path, data.get("tool", {}).get("postman-kit", {}) if path.name == "pyproject.toml" else data)
    else:
        found = find_config_file(start or Path.cwd())
    if found is None:
        return ValidateConfig()
    file, table = found
    return config_from_table(table, str(file))


def config_from_table(table: dict[str, Any], source: str) -> ValidateConfig:
    errors = sorted(validator("kit-config").iter_errors(table), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        where = json_pointer(errors[0].absolute_path).lstrip("/").replace("/", ".") or "the table"
        raise InputError(source, f"postman-kit settings: {where}: {errors[0].message}")
    settings = table.get("validate") or {}
    base = Path(source).parent

    def relative(key: str) -> str | None:
        value = settings.get(key)
        return str(base / value) if value else None

    return ValidateConfig(
        select=tuple(settings.get("select") or (ALL,)) + tuple(settings.get("extend-select") or ()),
        ignore=tuple(settings.get("ignore") or ()),
        fail_on=Severity.parse(settings.get("fail-on", "error")),
        severity={k: Severity.parse(v) for k, v in (settings.get("severity") or {}).items()},
        spec=relative("spec"),
        environment=relative("environment"),
        globals=relative("globals"),
        source=source,
    )


# A settings file is a few lines; a pyproject.toml is another tool's too, so what it holds is bounded before
# TOML reads it: tomllib's memory grows with the square of a dotted key's parts (a 40 KB `x.a.a.a… = 1` took
# 1.6 GB) and its stack with an array's nesting.
MAX_CONFIG_BYTES = 1024 * 1024
MAX_KEY_PARTS = 64
_DOTTED_KEY = re.compile(r"^[ \t]*\[*([^=\n\]#]*)", re.MULTILINE)


def _read_toml(path: Path) -> dict[str, Any]:
    # read as every input is: a FIFO or a device is named as such, never waited on
    raw = read_local_file(path, MAX_CONFIG_BYTES)
    if path.name == "pyproject.toml" and b"postman-kit" not in raw:
        return {}  # no table of ours: another tool's file is not read
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not valid TOML: {exc}") from None
    if any(key.count(".") >= MAX_KEY_PARTS for key in _DOTTED_KEY.findall(text)):
        raise InputError(str(path), f"a key of more than {MAX_KEY_PARTS} dotted parts; not read")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"not valid TOML: {exc}") from None
    except RecursionError:
        raise InputError(str(path), "not read: values nest too deeply") from None
