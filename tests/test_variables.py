"""Postman's variable resolution: scope precedence, nested values, secrets kept as references."""

from __future__ import annotations

import json
import time

import pytest

from postman_kit.collection import Collection, Variable
from postman_kit.errors import InputError
from postman_kit.variables import (
    EXPANSION_LIMIT,
    SUBSTITUTION_LIMIT,
    Reference,
    ScopedVariable,
    VariableScopes,
    load_variable_file,
    value_text,
)


def _collection(*variables: Variable) -> Collection:
    return Collection.from_json(
        {"info": {"name": "c"}, "item": [], "variable": [v.to_json() for v in variables]}
    )


def _file(*entries: dict) -> dict:
    return {"values": list(entries)}


def test_environment_beats_collection_and_collection_beats_globals() -> None:
    scopes = VariableScopes.for_collection(
        _collection(Variable("baseUrl", "https://collection"), Variable("revision", "2026-07-15")),
        environment=_file({"key": "baseUrl", "value": "http://127.0.0.1:8080"}),
        globals_=_file(
            {"key": "baseUrl", "value": "https://globals"},
            {"key": "companyId", "value": "AbC123"},
            {"key": "revision", "value": "2020-01-01"},
        ),
    )
    assert scopes.substitute("{{baseUrl}}/api?company_id={{companyId}}&r={{revision}}") == (
        "http://127.0.0.1:8080/api?company_id=AbC123&r=2026-07-15"
    )


def test_request_values_beat_every_other_scope() -> None:
    scopes = VariableScopes.for_collection(
        _collection(Variable("id", "collection")),
        environment=_file({"key": "id", "value": "environment"}),
        request={"id": "request"},
    )
    assert scopes.substitute("{{id}}") == "request"


def test_values_referring_to_other_variables_are_followed() -> None:
    scopes = VariableScopes.for_collection(
        _collection(Variable("host", "a.example"), Variable("baseUrl", "https://{{host}}/{{version}}")),
        environment=_file({"key": "version", "value": "v2"}),
    )
    assert scopes.substitute("{{baseUrl}}/x") == "https://a.example/v2/x"


def _chain(values: dict[str, str]) -> VariableScopes:
    return VariableScopes([ScopedVariable(key, value, "collection") for key, value in values.items()])


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"a": "{{a}}{{a}}"}, r"variable \{\{a}} refers to itself \(a → a\)"),
        ({"a": "<{{b}}", "b": "x{{a}}"}, r"variable \{\{a}} refers to itself \(a → b → a\)"),
        (
            {f"v{i}": f"{{{{v{i + 1}}}}}" for i in range(SUBSTITUTION_LIMIT + 1)}
            | {f"v{SUBSTITUTION_LIMIT + 1}": "x"},
            rf"variable \{{\{{v{SUBSTITUTION_LIMIT}}}}} is nested more than {SUBSTITUTION_LIMIT} levels deep",
        ),
        (
            {f"v{i}": f"{{{{v{i + 1}}}}}" * 4 for i in range(12)} | {"v12": "xyz"},
            r"variable \{\{v0}} expands to more than 1,000,000 characters",
        ),
        ({"big": "x" * (EXPANSION_LIMIT // 2 + 1)}, r"\{\{big}} expands to more than"),
    ],
)
def test_expansion_is_bounded_and_names_the_variable(values, message) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=message):
        _chain(values).substitute(
            "{{v0}}" if "v0" in values else "{{a}}" if "a" in values else "{{big}}{{big}}"
        )
    assert time.monotonic() - started < 1


def test_a_wide_but_acyclic_expansion_is_computed_once_per_variable() -> None:
    # 2^18 copies of `xy`: each variable is expanded once and reused, not 2^18 times.
    values = {f"v{i}": f"{{{{v{i + 1}}}}}{{{{v{i + 1}}}}}" for i in range(18)} | {"v18": "xy"}
    started = time.monotonic()
    assert _chain(values).substitute("{{v0}}") == "xy" * 2**18
    assert time.monotonic() - started < 1


def test_kept_variables_are_references_even_when_no_scope_defines_them() -> None:
    assert _chain({"auth": "Key {{privateKey}}"}).parts("{{auth}}", keep={"privateKey"}) == [
        "Key ",
        Reference("privateKey"),
    ]


def test_unknown_and_dynamic_variables_stay_as_typed() -> None:
    scopes = VariableScopes.for_collection(_collection(Variable("x", "{{missing}}")))
    assert scopes.substitute("{{x}}-{{$guid}}") == "{{missing}}-{{$guid}}"
    assert scopes.unresolved("{{x}}-{{$guid}}") == ["missing", "$guid"]


def test_disabled_values_are_ignored() -> None:
    scopes = VariableScopes.for_collection(
        _collection(Variable("a", "from collection"), Variable("b", "off", disabled=True)),
        environment=_file({"key": "a", "value": "off", "enabled": False}),
    )
    assert scopes.substitute("{{a}} {{b}}") == "from collection {{b}}"


def test_secret_values_stay_references_unless_asked_for() -> None:
    scopes = VariableScopes.for_collection(
        _collection(Variable("auth", "Klaviyo-API-Key {{privateKey}}")),
        environment=_file({"key": "privateKey", "value": "pk_secret", "type": "secret"}),
    )
    assert scopes.secret_keys() == {"privateKey"}
    assert scopes.parts("Authorization: {{auth}}") == [
        "Authorization: Klaviyo-API-Key ",
        Reference("privateKey"),
    ]
    assert scopes.parts("{{auth}}", keep=()) == ["Klaviyo-API-Key pk_secret"]
    assert scopes.substitute("{{auth}}") == "Klaviyo-API-Key pk_secret"


def test_a_narrower_plain_value_hides_a_broader_secret() -> None:
    scopes = VariableScopes.for_collection(
        _collection(Variable("token", "public-test-token")),
        globals_=_file({"key": "token", "value": "real", "type": "secret"}),
    )
    assert scopes.secret_keys() == set()
    assert scopes.parts("{{token}}") == ["public-test-token"]


def test_non_string_values_are_sent_in_json_form() -> None:
    assert [value_text(v) for v in (5, True, None, [1, "a"], "x")] == ["5", "true", "", '[1,"a"]', "x"]


def test_variable_files_are_checked(tmp_path) -> None:
    good = tmp_path / "env.json"
    good.write_text(json.dumps(_file({"key": "a", "value": "1"})))
    assert load_variable_file(str(good), "environment")["values"][0]["key"] == "a"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"values": "nope"}))
    with pytest.raises(InputError, match=r"bad\.json: not a Postman environment file"):
        load_variable_file(str(bad), "environment")
    with pytest.raises(InputError, match="no such file"):
        load_variable_file(str(tmp_path / "missing.json"), "globals")
