"""Collection names as generate writes them and as validate and diff read them back from forks."""

from __future__ import annotations

import pytest

from postman_kit.naming import CollectionName, collection_name, parse_collection_name


@pytest.mark.parametrize(
    ("title", "revision", "channel", "name"),
    [
        ("Klaviyo API", "2026-07-15", "stable", "(Stable) Klaviyo API (v2026-07-15)"),
        ("Klaviyo API (Beta)", "2026-07-15.pre", "beta", "(Beta) Klaviyo API (v2026-07-15.pre)"),
        ("Twilio - Api", "1.0.0", "stable", "(Stable) Twilio - Api (v1.0.0)"),
    ],
)
def test_generated_names(title: str, revision: str, channel: str, name: str) -> None:
    assert collection_name(title, revision, channel) == name


def test_a_generated_name_reads_back() -> None:
    name = collection_name("Klaviyo API (Beta)", "2026-07-15.pre", "beta")
    assert parse_collection_name(name) == CollectionName("Klaviyo API", "2026-07-15.pre", "beta")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Klaviyo's published collections (validate's revision fallback and diff's stale verdict read these).
        ("(Stable) Klaviyo API (v2023-10-15)", CollectionName("Klaviyo API", "2023-10-15", "stable")),
        ("(Beta) Klaviyo API (v2025-07-15.pre)", CollectionName("Klaviyo API", "2025-07-15.pre", "beta")),
        # A user's fork: words added after the stamp, or before the label, and the label lower-cased.
        ("(Stable) Klaviyo API (v2024-10-15) - Copy", CollectionName("Klaviyo API", "2024-10-15", "stable")),
        (
            "(stable) Klaviyo API (v2024-10-15) (v2) mine",
            CollectionName("Klaviyo API", "2024-10-15", "stable"),
        ),
        # Names with no stamp: diff matches on the title alone, validate falls back to the revision variable.
        ("Klaviyo API", CollectionName("Klaviyo API")),
        ("(Beta) Klaviyo API", CollectionName("Klaviyo API", None, "beta")),
        # Another API's version stamped at the end: the title without it (generate's own ids derive from it).
        ("Acme API (v1)", CollectionName("Acme API")),
        ("(Stable) The Plaid API (v2020-09-14_1.697.4)", CollectionName("The Plaid API", None, "stable")),
        ("Acme API (v1) mine", CollectionName("Acme API (v1) mine")),
    ],
)
def test_names_read_from_collections(name: str, expected: CollectionName) -> None:
    assert parse_collection_name(name) == expected


def test_another_apis_version_is_stamped_once_and_a_pre_release_is_beta(tmp_path, run_cli) -> None:
    """Agent Protocol's `version: v0.4` was stamped `(vv0.4)`, and OpenWeatherMap's `0.2.0-draft` labelled
    Stable; a date's dashes (Plaid's `2020-09-14_1.697.4`) are no pre-release."""
    import json

    for version, name, file in [
        ("v0.4", "(Stable) Notes (v0.4)", "notes-v0.4.postman_collection.json"),
        ("0.2.0-draft", "(Beta) Notes (v0.2.0-draft)", "notes-v0.2.0-draft.postman_collection.json"),
        ("2.0-rc1", "(Beta) Notes (v2.0-rc1)", "notes-v2.0-rc1.postman_collection.json"),
        ("2020-09-14_1.697.4", "(Stable) Notes (v2020-09-14_1.697.4)", None),
    ]:
        spec = tmp_path / "spec.json"
        spec.write_text(
            json.dumps({"openapi": "3.0.3", "info": {"title": "Notes", "version": version}, "paths": {}})
        )
        out = tmp_path / version
        assert run_cli("generate", spec, "-o", out).exit_code == 0
        [written] = out.glob("*.postman_collection.json")
        assert json.loads(written.read_text())["info"]["name"] == name
        assert file is None or written.name == file
        assert parse_collection_name(name).title == "Notes"


def test_a_paragraph_summary_names_a_request_by_its_first_sentence() -> None:
    """OpenAI's summaries are paragraphs with markdown links and line breaks; a name is one line."""
    from postman_kit.naming import NAME_LIMIT, request_name

    paragraph = (
        "Creates a model response. Provide [text](/docs/guides/text) or\n[image](/docs/guides/images) inputs to "
        "generate [text](/docs/guides/text)\nor [JSON](/docs/guides/structured-outputs) outputs. Have the model "
        "call\nyour own [custom code](/docs/guides/function-calling) or use built-in\n[tools](/docs/guides/tools)."
    )
    assert request_name(paragraph, "createResponse", "POST", "/responses") == "Creates a model response"
    assert request_name("Get [a](x) thing\n", None, "GET", "/t") == "Get a thing"
    long = "word " * 40
    assert len(request_name(long, None, "GET", "/t")) <= NAME_LIMIT and request_name(
        long, None, "", ""
    ).endswith("…")
    assert request_name("", "listThings", "GET", "/t") == "listThings"
    assert request_name("  ", None, "GET", "/t") == "GET /t"
