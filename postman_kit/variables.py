"""Postman's variables: scopes, precedence and `{{name}}` substitution.

Precedence follows Postman (narrowest wins): request (path variables and local values) → environment →
collection → globals. A value may itself refer to other variables; like Postman we substitute up to
:data:`SUBSTITUTION_LIMIT` levels deep and leave unknown references (`{{nope}}`, dynamic `{{$guid}}`) as they are.
Unlike Postman, expansion is bounded: a variable that refers to itself (`a = {{a}}{{a}}`), a chain deeper than
the limit, or a result larger than :data:`EXPANSION_LIMIT` characters raises :class:`InputError` naming the
variable, in time linear in the values' size (Postman would take 2^19 steps over `a = {{a}}{{a}}`).

Secrets: a variable typed ``secret`` (environment, globals or collection) — or any key the caller marks secret —
can be kept as a :class:`Reference` instead of its value, so code that prints requests never holds the key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection as Container
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from postman_kit.collection import Collection, Variable
from postman_kit.collection_files import read_variables
from postman_kit.errors import InputError
from postman_kit.secrets import find_tokens, holds_named_credential

VARIABLE_REFERENCE = re.compile(r"\{\{([^{}]*?)}}")
# Postman's Substitutor.VARS_SUBREPLACE_LIMIT: how deep values referring to other variables are followed.
SUBSTITUTION_LIMIT = 19
# The most characters one substitution may produce; more is a mistake (or an attack), not a request to send.
EXPANSION_LIMIT = 1_000_000
SCOPE_ORDER = ("request", "environment", "collection", "globals")


@dataclass(frozen=True)
class ScopedVariable:
    key: str
    value: str
    scope: str
    secret: bool = False


@dataclass(frozen=True)
class Reference:
    """A secret variable left unresolved: whoever renders it decides how the value arrives."""

    variable: str


Part = str | Reference
P = TypeVar("P")


def value_text(value: Any) -> str:
    """A variable value as Postman sends it: strings as they are, other JSON values in JSON form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _layer(scope: str, entries: Iterable[ScopedVariable]) -> dict[str, ScopedVariable]:
    # Postman keeps the last definition of a duplicated key.
    return {entry.key: entry for entry in entries if entry.scope == scope}


def collection_variables(variables: Sequence[Variable], scope: str = "collection") -> list[ScopedVariable]:
    return [
        ScopedVariable(v.key, value_text(v.value), scope, secret=(v.type == "secret"))
        for v in variables
        if not v.disabled
    ]


def file_variables(data: Mapping[str, Any], scope: str) -> list[ScopedVariable]:
    """Variables of an environment or globals file (`values`: key, value, type, enabled)."""
    out = []
    for entry in data.get("values") or []:
        if not isinstance(entry, dict) or entry.get("enabled") is False or "key" not in entry:
            continue
        out.append(
            ScopedVariable(
                str(entry["key"]),
                value_text(entry.get("value")),
                scope,
                secret=(entry.get("type") == "secret"),
            )
        )
    return out


def load_variable_file(source: str, scope: str) -> dict[str, Any]:
    """Read an environment or globals file (JSON), checking its shape; raises :class:`InputError`."""
    return read_variables(source, scope).data


class VariableScopes:
    """The variables a request sees, narrowest scope first."""

    def __init__(self, variables: Iterable[ScopedVariable] = ()) -> None:
        entries = list(variables)
        self.layers = [_layer(scope, entries) for scope in SCOPE_ORDER]

    @classmethod
    def for_collection(
        cls,
        collection: Collection,
        environment: Mapping[str, Any] | None = None,
        globals_: Mapping[str, Any] | None = None,
        request: Mapping[str, Any] | None = None,
    ) -> VariableScopes:
        """Scopes as Postman builds them for a run: `request` holds local values (`--var`-style overrides)."""
        entries: list[ScopedVariable] = []
        if globals_:
            entries += file_variables(globals_, "globals")
        entries += collection_variables(collection.variables)
        if environment:
            entries += file_variables(environment, "environment")
        for key, value in (request or {}).items():
            entries.append(ScopedVariable(key, value_text(value), "request"))
        return cls(entries)

    def get(self, key: str) -> ScopedVariable | None:
        for layer in self.layers:
            if key in layer:
                return layer[key]
        return None

    def secret_keys(self) -> set[str]:
        """Every key whose visible definition is typed secret."""
        keys = {key for layer in self.layers for key in layer}
        return {key for key in keys if self.get(key).secret}  # type: ignore[union-attr]

    def credential_keys(self) -> set[str]:
        """Every key whose visible definition holds a credential though not typed secret: one named for it (a
        collection's `apiKey` or `client_secret` typed in as a default variable), or in an issuer's format."""
        keys = {key for layer in self.layers for key in layer}
        found = {key: self.get(key) for key in keys}
        return {
            key
            for key, variable in found.items()
            if variable is not None
            and not variable.secret
            and (holds_named_credential(key, variable.value) or bool(find_tokens(variable.value)))
        }

    def substitute(self, text: str) -> str:
        """Every `{{name}}` replaced by its value, secrets included (for sending, never for printing)."""
        return "".join(p if isinstance(p, str) else "{{" + p.variable + "}}" for p in self.parts(text, ()))

    def parts(self, text: str, keep: Container[str] | None = None) -> list[Part]:
        """`text` with known variables substituted; variables in `keep` (default: the secret ones) stay as
        :class:`Reference` parts. Adjacent literal pieces are merged."""
        keep_keys = self.secret_keys() if keep is None else keep
        return _Expansion(self, keep_keys).expand(text, ())

    def unresolved(self, text: str) -> list[str]:
        """Names referred to (directly or through other values) that no scope defines, in order."""
        names: list[str] = []
        for part in self.parts(text, ()):
            if isinstance(part, str):
                for match in VARIABLE_REFERENCE.finditer(part):
                    if match.group(1) not in names:
                        names.append(match.group(1))
        return names


class _Expansion:
    """One substitution: each variable's expansion is computed once (so `{{a}}` used a thousand times costs
    one expansion), the chain being expanded is tracked (a cycle is an error, not 2^19 steps), and each result
    is measured as it grows (capped at :data:`EXPANSION_LIMIT`). Kept variables become :class:`Reference` parts
    whether or not a scope defines them: a secret is never looked up here."""

    def __init__(self, scopes: VariableScopes, keep: Container[str]) -> None:
        self.scopes = scopes
        self.keep = keep
        self.done: dict[str, tuple[list[Part], int]] = {}

    def expand(self, text: str, chain: tuple[str, ...]) -> list[Part]:
        return self.measured(text, chain)[0]

    def measured(self, text: str, chain: tuple[str, ...]) -> tuple[list[Part], int]:
        out: list[Part] = []
        size = 0
        position = 0
        for match in VARIABLE_REFERENCE.finditer(text):
            literal = text[position : match.start()]
            position = match.end()
            name = match.group(1)
            found = self.scopes.get(name)
            parts: list[Part]
            if name in self.keep:
                parts, length = [literal, Reference(name)], len(literal) + len(match.group(0))
            elif found is None:
                parts, length = [literal, match.group(0)], len(literal) + len(match.group(0))
            else:
                expanded, expanded_size = self.variable(name, found.value, chain)
                parts, length = [literal, *expanded], len(literal) + expanded_size
            size += length
            if size > EXPANSION_LIMIT:
                subject = f"variable {{{{{chain[0]}}}}}" if chain else f"{{{{{name}}}}}"
                raise InputError(
                    None,
                    f"{subject} expands to more than {EXPANSION_LIMIT:,} characters; "
                    f"check the variables it refers to",
                )
            out.extend(parts)
        out.append(text[position:])
        return merge_literals(out), size + len(text) - position

    def variable(self, name: str, value: str, chain: tuple[str, ...]) -> tuple[list[Part], int]:
        if name in chain:
            loop = " → ".join(chain[chain.index(name) :] + (name,))
            raise InputError(
                None, f"variable {{{{{name}}}}} refers to itself ({loop}); it can never be resolved"
            )
        if len(chain) >= SUBSTITUTION_LIMIT:
            raise InputError(
                None,
                f"variable {{{{{name}}}}} is nested more than {SUBSTITUTION_LIMIT} levels deep "
                f"({chain[0]} → … → {name}), Postman's limit",
            )
        if name not in self.done:
            self.done[name] = self.measured(value, chain + (name,))
        return self.done[name]


def references(text: str) -> list[str]:
    """The variable names `text` refers to directly, in order."""
    return [m.group(1) for m in VARIABLE_REFERENCE.finditer(text)]


def merge_literals(parts: Iterable[P]) -> list[P]:
    """`parts` with adjacent strings joined and empty strings dropped; other parts kept in place."""
    merged: list[Any] = []
    for part in parts:
        if isinstance(part, str):
            if not part:
                continue
            if merged and isinstance(merged[-1], str):
                merged[-1] += part
                continue
        merged.append(part)
    return merged


__all__ = [
    "EXPANSION_LIMIT",
    "SUBSTITUTION_LIMIT",
    "Part",
    "Reference",
    "ScopedVariable",
    "VariableScopes",
    "collection_variables",
    "file_variables",
    "load_variable_file",
    "merge_literals",
    "references",
    "value_text",
]
