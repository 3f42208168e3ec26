"""`postman-kit diff`: matching, classification, the stale verdict, saved requests, formats and exit codes.

The OLD side is the shipped example spec set back to revision 2024-07-15 the way Klaviyo's history runs:
trailing slashes on every path, an operation that later went away, one added later, a renamed operationId,
an enum later narrowed, a parameter later required and auth later added.
"""

from __future__ import annotations

import copy
import json
import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from postman_kit.diff import diff, read_revisions
from postman_kit.diff.jsondiff import NeedsDeepDiff, json_differences
from postman_kit.diff.lifecycle import lifecycle
from tests.support.diff import (
    OLD_REVISION,
    TODAY,
    example_document,
    find_folder,
    find_item,
    make_specs,
    older_example_document,
    write_spec,
)


@pytest.fixture(scope="module")
def specs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_specs(tmp_path_factory.mktemp("specs"))


def operation_changes(report, method: str, path: str) -> list:
    return next(c.changes for c in report.changed if c.new.method == method and c.new.path == path)


def test_added_and_removed_operations_match_the_specs_differences(specs):
    report = diff(str(specs["old"]), str(specs["new"]), today=TODAY)
    assert [e.label for e in report.added] == ["GET /api/flows/{id}"]
    assert [e.label for e in report.removed] == ["DELETE /api/events/{id}/"]
    assert report.removed[0].name == "Delete Event"


def test_trailing_slash_change_matches_every_operation_and_is_not_breaking(specs):
    report = diff(str(specs["old"]), str(specs["new"]), today=TODAY)
    matched = len(report.changed) + report.unchanged
    assert matched == 16  # every operation both revisions have
    changes = operation_changes(report, "GET", "/api/profiles")
    assert [c.kind for c in changes] == ["path-changed"]
    assert not changes[0].breaking


def test_breaking_changes_are_classified(specs):
    report = diff(str(specs["old"]), str(specs["new"]), today=TODAY)
    sort = operation_changes(report, "GET", "/api/events")
    assert any(
        c.kind == "enum-narrowed" and c.breaking and "uuid" in c.detail and "`sort`" in c.where for c in sort
    )
    client = operation_changes(report, "POST", "/client/events")
    assert any(c.kind == "parameter-required" and c.breaking and "company_id" in c.where for c in client)
    event = operation_changes(report, "GET", "/api/events/{id}")
    assert any(c.kind == "auth-changed" and c.breaking for c in event)
    assert report.breaking


def test_renamed_operation_is_reported_through_its_alias(specs):
    report = diff(str(specs["old"]), str(specs["new"]), today=TODAY)
    changes = operation_changes(report, "GET", "/api/profiles/{id}/relationships/lists")
    renamed = [c for c in changes if c.kind == "renamed"]
    assert renamed and "get_profile_relationships_lists" in renamed[0].detail
    assert not renamed[0].breaking


def test_description_only_edits_are_noise_unless_asked_for(specs, tmp_path):
    document = example_document()
    document["paths"]["/api/profiles"]["get"]["description"] = "Every profile, newest first."
    edited = write_spec(tmp_path, document, "edited.json")
    quiet = diff(str(specs["new"]), str(edited), today=TODAY)
    assert quiet.changed == [] and not quiet.has_differences
    loud = diff(str(specs["new"]), str(edited), today=TODAY, include_docs=True)
    assert [c.kind for c in loud.changed[0].changes] == ["docs-changed"]


def test_identical_sides_have_no_differences(specs):
    report = diff(str(specs["new"]), str(specs["new"]), today=TODAY)
    assert not report.has_differences and report.unchanged == 17 and not report.breaking


def test_verdict_counts_revisions_from_a_directory_and_judges_the_lifecycle(specs):
    report = diff(
        str(specs["old_collection"]), str(specs["new"]), today=TODAY, revisions=str(specs["revisions"])
    )
    verdict = report.verdict
    assert verdict.old_revision == OLD_REVISION and verdict.new_revision == "2026-07-15"
    assert verdict.stale and verdict.revisions_behind == 2
    assert verdict.missed_revisions == ["2025-01-15", "2026-07-15"]
    assert verdict.status == "retired" and verdict.lifecycle.retired_on == date(2026, 7, 15)
    assert verdict.headline().startswith(
        "STALE: v2024-07-15 is 2 revision(s) behind v2026-07-15; retired since"
    )


def test_a_renamed_fork_without_a_revision_variable_is_dated_by_its_name(specs, tmp_path):
    # A user's copy: Postman appends " Copy" to the name; the revision variable was deleted, and the requests send
    # `{{revision}}`, so only the name's stamp says which revision the fork is.
    fork = json.loads(specs["old_collection"].read_text())
    fork["info"]["name"] += " Copy"
    fork["variable"] = [v for v in fork["variable"] if v["key"] != "revision"]
    path = tmp_path / "fork.postman_collection.json"
    path.write_text(json.dumps(fork))
    report = diff(str(path), str(specs["new"]), today=TODAY, revisions=str(specs["revisions"]))
    assert report.verdict.old_revision == OLD_REVISION and report.verdict.revisions_behind == 2
    assert [e.label for e in report.added] == ["GET /api/flows/{id}"]  # its item ids still match NEW's


def test_a_collection_with_its_spec_found_in_revisions_gets_the_full_comparison(specs):
    with_base = diff(
        str(specs["old_collection"]), str(specs["new"]), today=TODAY, revisions=str(specs["revisions"])
    )
    assert any(c.kind == "enum-narrowed" for c in operation_changes(with_base, "GET", "/api/events"))
    alone = diff(str(specs["old_collection"]), str(specs["new"]), today=TODAY)
    assert alone.notes and "--base" in alone.notes[0]
    assert [e.label for e in alone.removed] == ["DELETE /api/events/:id/"]


@pytest.mark.parametrize(
    ("today", "status", "label"),
    [
        (date(2024, 7, 14), "stable", "stable until 2025-07-15"),
        (date(2025, 7, 15), "deprecated", "deprecated since 2025-07-15"),
        (date(2026, 7, 15), "retired", "retired since 2026-07-15"),
    ],
)
def test_lifecycle_policy(today, status, label):
    life = lifecycle("2024-07-15", today)
    assert (life.status, life.label) == (status, label)


def test_a_beta_revision_is_not_said_to_be_stable_until_or_retired_since_a_date(run_cli, tmp_path):
    """A 2026-04-15.pre fork's verdict said "stable until 2027-04-15", a 2023-08-15.pre one "retired since
    2025-08-15": the stable revisions' years, which a pre-release does not have."""
    assert lifecycle("2023-08-15.pre", date(2026, 12, 8)).label == (
        "a beta (pre-release) revision, outside the stable revisions' lifecycle"
    )
    assert lifecycle("2023-08-15", date(2026, 12, 8)).label == "retired since 2025-08-15"


def test_undated_revision_is_served_by_the_latest_release_before_it():
    life = lifecycle("2024-08-01", date(2025, 1, 1), ["2024-06-15", "2024-07-15", "2024-10-15"])
    assert life.effective_revision == "2024-07-15" and life.deprecated_on == date(2025, 7, 15)


def test_revisions_file_and_peeked_spec_versions(tmp_path):
    listing = tmp_path / "revisions.txt"
    listing.write_text("# Klaviyo stable\n2024-10-15\n2024-07-15\n\n2025-01-15  # quarterly\n")
    assert read_revisions(listing).revisions == ["2024-07-15", "2024-10-15", "2025-01-15"]
    folder = tmp_path / "specs"
    folder.mkdir()
    (folder / "stable.json").write_text(
        json.dumps({"openapi": "3.0.2", "info": {"title": "T", "version": "2024-02-15"}, "paths": {}})
    )
    (folder / "beta.yaml").write_text(
        "openapi: 3.0.2\ninfo:\n  title: T\n  version: '2024-02-15.pre'\npaths: {}\n"
    )
    found = read_revisions(folder)
    assert found.revisions == ["2024-02-15", "2024-02-15.pre"]
    assert found.spec_for("2024-02-15") == folder / "stable.json"


def test_saved_requests_are_reported_with_their_operation(specs, tmp_path):
    fork = json.loads(specs["old_collection"].read_text())
    profiles = next(f for f in fork["item"] if f["name"] == "Profiles")
    get_profiles = next(i for i in profiles["item"][0]["item"] if i["name"] == "Get Profiles")
    saved_ok = copy.deepcopy(get_profiles)
    saved_ok.pop("id")
    saved_ok.pop("x-postman-kit")
    saved_ok["name"] = "Profiles created lately"
    saved_ok["request"]["url"] = "{{baseUrl}}/api/profiles/?filter=greater-than(created,2023-08-10T23:00:00Z)"
    saved_bad = copy.deepcopy(saved_ok)
    saved_bad["name"] = "Profiles by phone"
    saved_bad["request"]["url"] = "{{baseUrl}}/api/profiles/?filter=equals(phone_number,'+15005550006')"
    profiles["item"][0]["item"] += [saved_ok, saved_bad]
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(fork))
    report = diff(str(path), str(specs["new"]), today=TODAY)
    by_name = {s.name: s for s in report.saved}
    assert set(by_name) == {"Profiles created lately", "Profiles by phone"}
    assert by_name["Profiles created lately"].status == "fine"
    assert by_name["Profiles created lately"].new_operation.label == "GET /api/profiles"
    assert by_name["Profiles by phone"].status == "broken"  # OLD's spec unknown: maybe broken before
    assert report.partial
    assert "phone_number" in by_name["Profiles by phone"].problems[0]
    assert report.breaking


def test_cli_formats(specs, run_cli):
    args = ["diff", specs["old"], specs["new"], "--today", "2026-11-23"]
    text = run_cli(*args)
    assert text.exit_code == 0
    assert text.stdout.splitlines()[0].startswith(
        "STALE: v2024-07-15 is older than v2026-07-15; retired since"
    )
    assert "Removed operations (1)" in text.stdout and "BREAKING" in text.stdout
    as_json = json.loads(run_cli(*args, "--format", "json").stdout)
    assert as_json["summary"]["added"] == 1 and as_json["summary"]["removed"] == 1
    assert as_json["verdict"]["status"] == "retired"
    markdown = run_cli(*args, "--format", "markdown").stdout
    assert markdown.startswith("**STALE") and "<details><summary>Removed operations (1)</summary>" in markdown


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        ("stale", 1),
        ("retired", 1),
        ("breaking", 1),
        ("any", 1),
    ],
)
def test_cli_fail_on_sets_exit_1(specs, run_cli, fail_on, code):
    assert (
        run_cli("diff", specs["old"], specs["new"], "--today", "2026-11-23", "--fail-on", fail_on).exit_code
        == code
    )


def test_cli_fail_on_passes_when_nothing_holds(specs, run_cli):
    result = run_cli(
        "diff",
        specs["new"],
        specs["new"],
        "--today",
        "2026-11-23",
        "--fail-on",
        "stale",
        "--fail-on",
        "breaking",
        "--fail-on",
        "any",
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("v2026-07-15 is current against v2026-07-15; stable until 2027-07-15")


def test_cli_bad_input_is_one_line_exit_2(specs, run_cli, tmp_path):
    not_api = tmp_path / "notes.json"
    not_api.write_text('{"hello": "world"}')
    result = run_cli("diff", not_api, specs["new"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"postman-kit: error: {not_api}: neither an OpenAPI document nor a Postman collection (v2.x)"
    )
    missing = run_cli("diff", specs["new"], specs["new"], "--revisions", tmp_path / "nope.txt")
    assert missing.exit_code == 2 and "nope.txt: no such file or directory" in missing.stderr


def random_json(rng: random.Random, depth: int = 0) -> Any:
    """Small JSON values from a narrow alphabet, so that two of them often share keys, values and shapes."""
    roll = rng.random()
    if depth < 4 and roll < 0.35:
        return {rng.choice("abcde"): random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    if depth < 4 and roll < 0.5:
        element_kind = rng.random()
        if element_kind < 0.6:  # objects in a list: paired by position
            return [random_json(rng, 3) for _ in range(rng.randint(0, 3))]
        return [rng.choice(["x", "y", 1, 1.5, True, None]) for _ in range(rng.randint(0, 3))]
    return rng.choice(["x", "y", "", 0, 1, 2.5, True, False, None])


def mutate(rng: random.Random, value: Any) -> Any:
    if isinstance(value, dict):
        out = {
            k: mutate(rng, v) if rng.random() < 0.4 else v for k, v in value.items() if rng.random() > 0.15
        }
        if rng.random() < 0.3:
            out[rng.choice("abcdef")] = random_json(rng, 2)
        return out
    if isinstance(value, list) and value and rng.random() < 0.7:
        out = [mutate(rng, v) if rng.random() < 0.5 else v for v in value]
        return out[:-1] if rng.random() < 0.2 else out
    if rng.random() < 0.5:
        return value
    same_type = {str: ["x", "y", ""], int: [0, 1, 7], float: [2.5, 0.5], bool: [True, False]}.get(type(value))
    return rng.choice(same_type) if same_type and rng.random() < 0.6 else random_json(rng, 2)


def deepdiff_entries(old: Any, new: Any) -> list[str]:
    from deepdiff import DeepDiff

    tree = DeepDiff(old, new, view="tree", threshold_to_diff_deeper=0)
    return sorted(
        json.dumps(
            [
                kind,
                [str(p) for p in level.path(output_format="list")],
                None if type(level.t1).__name__ == "NotPresent" else level.t1,
                None if type(level.t2).__name__ == "NotPresent" else level.t2,
            ]
        )
        for kind, levels in tree.items()
        for level in levels
    )


def test_json_differences_report_what_deepdiff_reports():
    rng = random.Random(20261123)
    answered = 0
    for _ in range(800):
        old = random_json(rng)
        new = mutate(rng, old) if rng.random() < 0.8 else random_json(rng)
        try:
            mine = json_differences(old, new)
        except NeedsDeepDiff:
            continue  # a changed list of scalars: deepdiff aligns those itself
        answered += 1
        assert sorted(json.dumps(list(entry)) for entry in mine) == deepdiff_entries(old, new), (old, new)
    assert answered > 600


def test_json_differences_leave_aligning_lists_of_scalars_to_deepdiff():
    assert json_differences({"a": [1, 2]}, {"a": [1, 2]}) == []
    with pytest.raises(NeedsDeepDiff):
        json_differences({"a": [1, 2]}, {"a": [2, 1, 3]})
    with pytest.raises(NeedsDeepDiff):
        json_differences({"a": (1, 2)}, {"a": (2,)})  # not JSON


def test_a_changed_list_of_scalars_is_still_classified():
    from postman_kit.diff.classify import SignatureComparer

    old = {"requestBody": {"mode": "raw", "fields": {"tags": ["str"], "count": "int"}}}
    new = {"requestBody": {"mode": "raw", "fields": {"tags": ["int"], "count": "str"}}}
    changes = SignatureComparer().compare(old, new)  # the list goes to deepdiff, the rest is walked
    assert [(c.kind, c.where, c.detail) for c in changes] == [
        ("type-changed", "request body /count", "`count` changed from int to str"),
        ("type-changed", "request body /tags/0", "`0` changed from str to int"),
    ]


def test_old_and_new_given_swapped_is_a_warning_not_current(specs):
    report = diff(str(specs["new"]), str(specs["old"]), today=TODAY)
    assert report.verdict.old_newer and not report.verdict.stale
    assert report.verdict.headline().startswith(
        "WARNING: v2026-07-15 is newer than v2024-07-15 (OLD and NEW swapped?)"
    )
    assert "current" not in report.verdict.headline()


def test_a_revision_header_that_is_not_a_date_is_a_finding_before_and_after(specs, tmp_path):
    fork = json.loads(specs["old_collection"].read_text())
    lists = next(f for f in fork["item"] if f["name"] == "Lists")
    lists["item"].append(
        {
            "name": "Lists, revision as in the US",
            "request": {
                "method": "GET",
                "header": [{"key": "revision", "value": "07-15-2024"}],
                "url": "{{baseUrl}}/api/lists/",
            },
        }
    )
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(fork))
    [saved] = diff(str(path), str(specs["new"]), today=TODAY, revisions=str(specs["revisions"])).saved
    assert saved.status == "already-broken"
    assert saved.problems == [
        "revision header `07-15-2024` is not a revision: send a date, YYYY-MM-DD (2026-07-15)"
    ]
    assert saved.old_problems == [
        "revision header `07-15-2024` is not a revision: send a date, YYYY-MM-DD (2024-07-15)"
    ]


def test_markdown_fits_a_pull_request_comment_whatever_the_fork_holds(specs):
    from postman_kit.diff.changes import SavedRequestVerdict
    from postman_kit.diff.report import MARKDOWN_LIMIT, render_diff

    report = diff(str(specs["old"]), str(specs["new"]), today=TODAY)
    report.saved = [
        SavedRequestVerdict(
            name=f"Saved {n:04}",
            folder=("Mine", "Deep " * 40),
            method="GET",
            url="{{baseUrl}}/api/profiles/",
            operation=None,
            new_operation=None,
            status="broken-by-new",
            problems=["`sort` does not accept it " * 30],
        )
        for n in range(3000)
    ]
    markdown = render_diff(report, "markdown")
    assert len(markdown) <= MARKDOWN_LIMIT
    assert markdown.startswith("**STALE") and "### Saved requests (3000)" in markdown
    shown = markdown.count("- [broken-by-new] Mine/")
    assert 0 < shown < 3000
    assert f"- … and {3000 - shown} more not shown here: run again with `--format json`" in markdown
    # every folded section is still there, with its count, even when nothing of it fits
    assert markdown.count("<details><summary>") == markdown.count("</details>") == 3
    assert len(render_diff(report, "text")) > 10 * MARKDOWN_LIMIT  # text keeps everything


def test_a_fork_s_revision_missing_from_the_revisions_directory_is_aged_from_its_own_date(
    tmp_path: Path,
) -> None:
    """The directory holds 2024-02-15, 2025-01-15 and 2026-07-15, not OLD's 2024-07-15: the fork's age and
    lifecycle were reckoned from 2024-02-15, as if its stamp were a revision header Klaviyo serves by the latest
    release on or before it. A fork's stamp is a released revision."""
    found = make_specs(tmp_path)
    (found["revisions"] / f"{OLD_REVISION}.json").unlink()
    write_spec(found["revisions"], older_example_document("2024-02-15"), "2024-02-15.json")  # an earlier one
    report = diff(str(found["old_collection"]), str(found["new"]), today=TODAY, revisions=found["revisions"])
    expected = lifecycle(OLD_REVISION, TODAY)
    assert report.verdict.lifecycle is not None and expected is not None
    assert (report.verdict.lifecycle.release, report.verdict.lifecycle.age_days) == (
        expected.release,
        expected.age_days,
    )


def test_a_request_to_another_service_is_unchecked_whether_new_is_the_spec_or_its_collection(specs, tmp_path):
    """A Slack webhook saved in the fork was `unchecked` against NEW's spec but `already-broken` ("not an
    operation") against the collection generated from that same spec; OLD's spec names the API's hosts then."""
    from postman_kit.generation import build_collection_from_spec

    fork = json.loads(specs["old_collection"].read_text())
    fork["item"].append(
        {
            "name": "Notify",
            "request": {"method": "POST", "url": "https://hooks.slack.test/services/T000/B000"},
        }
    )
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(fork))
    new_collection = tmp_path / "new.postman_collection.json"
    new_collection.write_text(json.dumps(build_collection_from_spec(str(specs["new"])).collection.to_json()))
    for new in (specs["new"], new_collection):
        [saved] = diff(str(path), str(new), today=TODAY, base=str(specs["old"])).saved
        assert saved.status == "unchecked", (new, saved)
        assert saved.problems[0].startswith("not a request to this API: hooks.slack.test is none of")


def test_without_the_base_spec_a_renamed_request_is_not_said_to_be_upstream_s_rename(specs, tmp_path):
    """A user's rename read "name: 'My Profiles' is now 'Get Profiles'", as if upstream had renamed it; without
    OLD's spec whose rename it is is unknown (upgrade says so too), and with it the user's is no change at all."""
    fork = json.loads(specs["old_collection"].read_text())
    profiles = find_folder(fork, "Profiles", "Profiles")
    find_item(profiles, "Get Profiles")["name"] = "My Profiles"
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(fork))
    blind = operation_changes(diff(str(path), str(specs["new"]), today=TODAY), "GET", "/api/profiles")
    assert ("name", "'My Profiles' in OLD, 'Get Profiles' in NEW") in [(c.where, c.detail) for c in blind]
    known = operation_changes(
        diff(str(path), str(specs["new"]), today=TODAY, base=str(specs["old"])), "GET", "/api/profiles"
    )
    assert not any(c.where == "name" for c in known)


def test_without_the_base_spec_a_renamed_folder_is_not_said_to_be_upstream_s_move(specs, tmp_path):
    """A user renamed the folder Profiles/Profiles to "Mine": without OLD's spec it read "moved from Profiles/Mine
    to Profiles/Profiles", upstream's move; with it the user's rename is no change at all."""
    fork = json.loads(specs["old_collection"].read_text())
    find_folder(fork, "Profiles", "Profiles")["name"] = "Mine"
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(fork))
    blind = operation_changes(diff(str(path), str(specs["new"]), today=TODAY), "GET", "/api/profiles")
    assert ("folder", "in Profiles/Mine in OLD, Profiles/Profiles in NEW") in [
        (c.where, c.detail) for c in blind
    ]
    known = diff(str(path), str(specs["new"]), today=TODAY, base=str(specs["old"]))
    assert not any(c.where == "folder" for change in known.changed for c in change.changes)


def test_a_number_beyond_exact_integers_is_the_same_written_as_yaml_or_json() -> None:
    """OpenAI's `seed.minimum` (-9223372036854776000) read from its YAML is an integer, from the same spec as JSON
    the double -9.223372036854776e18: diff called that a BREAKING type change."""
    assert json_differences({"minimum": -9223372036854776000}, {"minimum": -9.223372036854776e18}) == []
    assert (
        json_differences({"minimum": 1}, {"minimum": 1.5}) != []
    )  # smaller numbers are told apart as before


def test_a_revision_of_thousands_of_digits_is_no_revision_not_a_traceback(run_cli, tmp_path) -> None:
    """A `--revisions` list line of 5,000 digits ended diff and upgrade with Python's integer-digits ValueError."""
    from postman_kit.diff.lifecycle import revision_key

    assert revision_key("9" * 5000) is None and revision_key("1.10.0") is not None
    assert revision_key("1." + "9" * 18) is not None


@pytest.mark.corpus
def test_a_fork_on_the_other_track_than_the_revisions_list_is_older_not_zero_behind(
    run_cli, tmp_path
) -> None:
    """A stable fork diffed against a beta NEW with the stable revisions listed: "STALE: … 0 revision(s) behind"."""
    from tests.tools import CORPUS, require_corpus

    require_corpus()
    stable, beta = CORPUS / "klaviyo" / "stable", CORPUS / "klaviyo" / "beta"
    assert run_cli("generate", stable / "2024-10-15.json", "-o", tmp_path / "s").exit_code == 0
    [fork] = (tmp_path / "s").glob("*.postman_collection.json")
    result = run_cli(
        "diff", fork, beta / "2026-07-15.pre.json", "--revisions", stable, "--today", "2026-12-07"
    )
    headline = result.output.splitlines()[0]
    assert (
        headline.startswith("STALE: v2024-10-15 is older than v2026-07-15.pre")
        and "0 revision(s)" not in headline
    )


def test_a_required_field_renamed_is_removed_not_made_optional(tmp_path: Path, run_cli) -> None:
    """NEW renames a required body field (Twilio's `AlphaSender` → `AlphaSenderName`): diff said the old one
    "is now optional" beside "removed", and a reader took old callers for still working. One nested deeper, and
    one only made optional, are said as they are."""
    from tests.support.generate import minimal_spec, write_spec

    def spec(version: str, field: str, optional: str) -> dict[str, Any]:
        inner = {"type": "object", "required": [field], "properties": {field: {"type": "string"}}}
        schema = {
            "type": "object",
            "required": [field, optional],
            "properties": {field: {"type": "string"}, optional: {"type": "string"}, "inner": inner},
        }
        if version == "2":
            schema["required"] = [field]
        creating = {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}
        operation = {"operationId": "createThing", **creating, "responses": {"201": {"description": "ok"}}}
        doc = minimal_spec({"/things": {"post": operation}})
        doc["info"]["version"] = version
        return doc

    old = write_spec(tmp_path, spec("1", "name", "note"), "old.yaml")
    new = write_spec(tmp_path, spec("2", "title", "note"), "new.yaml")
    result = run_cli("diff", old, new, "--format", "json")
    [changed] = json.loads(result.output)["changed"]
    details = {(c["where"], c["detail"]) for c in changed["changes"]}
    assert ("request body /name", "field `name` removed") in details
    assert ("request body /inner/name", "field `name` removed") in details
    assert ("request body", "field `note` is now optional") in details
    assert not [d for d in details if d[1] == "field `name` is now optional"], details
