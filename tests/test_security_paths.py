"""Where the kit writes and what it prints: every file inside `-o`, named from slugs; `-o` replaces only a regular
file or a new path, never an input; control characters from a spec or a path are shown escaped."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from postman_kit.generation.build import REVISION_SLUG_MAX, SLUG_MAX, revision_slug, slugify
from postman_kit.terminal import printable
from tests.support.generate import assert_one_line_error, minimal_spec, write_spec
from tests.tools import run_program

ESCAPES = "\x1b[2J\x1b[31m\rFAKE\nline\x07\u202e"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (symlinks as their target's text) with its bytes: what a run may not change."""
    found: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        if path.is_symlink():
            found[key] = b"-> " + os.readlink(path).encode()
        elif path.is_file():
            found[key] = path.read_bytes()
        elif path.is_fifo():
            found[key] = b"<fifo>"
    return found


def klaviyo_like(revision_default: str, version: str = "1.0") -> dict[str, Any]:
    """A spec whose operations carry a `revision` header default, as Klaviyo's do."""
    header = {
        "name": "revision",
        "in": "header",
        "required": True,
        "schema": {"type": "string", "default": revision_default},
    }
    get = {"summary": "List things", "parameters": [header], "responses": {"200": {"description": "ok"}}}
    return minimal_spec({"/things": {"get": get}}, info={"title": "Test API", "version": version})


@pytest.fixture
def fork(tmp_path: Path, run_cli) -> dict[str, Path]:
    """A spec and the collection, environment and globals generated from it, in `work/`."""
    work = tmp_path / "work"
    work.mkdir()
    spec = write_spec(work, minimal_spec(), "spec.yaml")
    assert run_cli("generate", spec, "-o", work, "-q").exit_code == 0
    return {
        "spec": spec,
        "collection": work / "test-api-v1.0.postman_collection.json",
        "environment": work / "test-api-v1.0.postman_environment.json",
        "globals": work / "test-api.postman_globals.json",
    }


# -- file names from slugs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "revision, slug",
    [
        ("2026-07-15", "2026-07-15"),
        ("2025-07-15.pre", "2025-07-15.pre"),
        ("1.0.0", "1.0.0"),
        ("../../PWNED", "PWNED"),
        ("..", "0"),
        ("a/b\\c", "a-b-c"),
        ("1..2", "1.2"),
        ("v1 beta", "v1-beta"),
        ("", "0"),
    ],
)
def test_revision_slug_keeps_revisions_and_drops_ways_out(revision: str, slug: str) -> None:
    assert revision_slug(revision) == slug


def test_slugs_are_bounded() -> None:
    assert len(slugify("Word " * 100)) <= SLUG_MAX and not slugify("Word " * 100).endswith("-")
    assert len(revision_slug("9" * 500)) == REVISION_SLUG_MAX


@pytest.mark.parametrize(
    "make_spec",
    [
        lambda: minimal_spec(info={"title": "Test API", "version": "../../PWNED"}),
        lambda: klaviyo_like("../../PWNED"),
    ],
    ids=["info.version", "revision header default"],
)
def test_a_revision_with_separators_cannot_lead_a_file_out_of_the_output_folder(
    run_cli, tmp_path: Path, make_spec
) -> None:
    spec = write_spec(tmp_path, make_spec(), "spec.json")
    out = tmp_path / "a" / "b" / "out"
    victim = tmp_path / "a" / "test-api-vPWNED.postman_collection.json"  # where ../../ would have led
    victim.parent.mkdir(parents=True)
    victim.write_text("mine")
    result = run_cli("generate", spec, "-o", out, "--profile", "klaviyo")
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "mine"
    assert sorted(p.name for p in out.iterdir()) == [
        "test-api-vPWNED.postman_collection.json",
        "test-api-vPWNED.postman_environment.json",
        "test-api.postman_globals.json",
    ]
    assert set(tree(tmp_path)) == {
        "spec.json",
        "a/test-api-vPWNED.postman_collection.json",
        *(f"a/b/out/{p.name}" for p in out.iterdir()),
    }
    # The revision itself stays as the spec gives it, in the name and the variable.
    collection = json.loads((out / "test-api-vPWNED.postman_collection.json").read_text())
    assert collection["info"]["name"] == "(Stable) Test API (v../../PWNED)"
    assert {"key": "revision", "value": "../../PWNED", "type": "string"} in collection["variable"]


def test_a_long_title_gives_a_bounded_file_name(run_cli, tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path, minimal_spec(info={"title": "Very long " * 60, "version": "7" * 300}), "s.json"
    )
    result = run_cli("generate", spec, "-o", tmp_path / "out", "-q")
    assert result.exit_code == 0, result.output
    assert all(len(p.name) <= 128 for p in (tmp_path / "out").iterdir())


def test_a_title_with_control_characters_is_printed_escaped_and_kept_out_of_file_names(
    tmp_path: Path,
) -> None:
    spec = write_spec(
        tmp_path, minimal_spec(info={"title": f"Evil{ESCAPES} API", "version": "1.0"}), "s.json"
    )
    result = run_program("generate", str(spec), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(
        f"(Stable) Evil{printable(ESCAPES)} API (v1.0): 1 requests"
    )
    assert len(result.stdout.splitlines()) == 4  # the summary and three `wrote` lines
    assert "\x1b" not in result.stdout and "\r" not in result.stdout
    for path in (tmp_path / "out").iterdir():
        assert path.name.isascii() and path.name.isprintable() and "/" not in path.name, path.name
    name = json.loads(next((tmp_path / "out").glob("*collection.json")).read_text())["info"]["name"]
    assert ESCAPES in name  # the collection keeps the title as written


@pytest.mark.parametrize("where", ["info.version", "revision header default", "--revision"])
def test_a_revision_with_control_characters_is_refused_in_one_line(tmp_path: Path, where: str) -> None:
    revision = "2026-07-15\x1b[2J\r\nINJECTED: 1"
    doc = {
        "info.version": minimal_spec(info={"title": "Test API", "version": revision}),
        "revision header default": klaviyo_like(revision),
        "--revision": minimal_spec(),
    }[where]
    spec = write_spec(tmp_path, doc, "s.json")
    extra = ["--revision", revision] if where == "--revision" else []
    result = run_program("generate", str(spec), "-o", str(tmp_path / "out"), "--profile", "klaviyo", *extra)
    assert result.returncode == 2
    source = "--revision" if where == "--revision" else str(spec)
    assert result.stderr == (
        f"postman-kit: error: {source}: revision '2026-07-15\\x1b[2J\\r\\nINJECTED: 1' "
        "holds a control character\n"
    )
    assert result.stdout == "" and not (tmp_path / "out").exists()


# -- -o replaces only a regular file or a new path -----------------------------------------------------------------


def _special(kind: str, path: Path, outside: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        outside.write_text("outside")
        path.symlink_to(outside)
    elif kind == "dangling symlink":
        path.symlink_to(outside)
    elif kind == "directory":
        path.mkdir()
        (path / "kept").write_text("kept")
    elif kind == "device":
        try:
            os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
        except PermissionError:
            pytest.skip("creating a device node needs root")


SPECIAL_KINDS = ["fifo", "symlink", "dangling symlink", "directory", "device"]
KIND_WORDS = {
    "fifo": "a FIFO",
    "symlink": "a symbolic link",
    "dangling symlink": "a symbolic link",
    "directory": "a directory",
    "device": "a character device",
}


def _writing_commands(fork: dict[str, Path], target: Path) -> dict[str, list[str]]:
    return {
        "upgrade": ["upgrade", str(fork["collection"]), "--to", str(fork["spec"]), "-o", str(target)],
        "validate": ["validate", str(fork["collection"]), "-o", str(target)],
    }


@pytest.mark.parametrize("command", ["upgrade", "validate"])
@pytest.mark.parametrize("kind", SPECIAL_KINDS)
def test_output_over_a_special_file_is_refused_and_left_alone(
    run_cli, fork, tmp_path: Path, command: str, kind: str
) -> None:
    target, outside = tmp_path / "target", tmp_path / "outside.txt"
    _special(kind, target, outside)
    before, mode = tree(tmp_path), os.lstat(target).st_mode
    result = run_cli(*_writing_commands(fork, target)[command])
    assert_one_line_error(result, str(target), f"is {KIND_WORDS[kind]}; refusing to replace it")
    assert tree(tmp_path) == before and os.lstat(target).st_mode == mode
    if kind == "symlink":
        assert outside.read_text() == "outside"


@pytest.mark.parametrize("kind", ["fifo", "symlink"])
def test_generate_refuses_a_special_file_where_one_of_its_files_goes(
    run_cli, tmp_path: Path, kind: str
) -> None:
    spec = write_spec(tmp_path, minimal_spec(), "spec.yaml")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "test-api-v1.0.postman_environment.json"
    _special(kind, target, tmp_path / "outside.txt")
    before = tree(tmp_path)
    result = run_cli("generate", spec, "-o", out)
    assert_one_line_error(result, str(target), f"is {KIND_WORDS[kind]}")
    assert tree(tmp_path) == before  # not even the other two files: all are checked before any is written


def test_a_fifo_as_output_is_refused_by_the_program_without_blocking(fork, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for args in _writing_commands(fork, fifo).values():
        result = run_program(*args, timeout=60)
        assert result.returncode == 2, result.stderr
        assert (
            result.stderr == f"postman-kit: error: {fifo}: is a FIFO; refusing to replace it "
            "(give a regular file or a new path)\n"
        )
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("kind", ["fifo", "file"])
def test_generate_into_something_that_is_not_a_folder_fails_in_one_line(
    run_cli, tmp_path: Path, kind: str
) -> None:
    spec = write_spec(tmp_path, minimal_spec(), "spec.yaml")
    target = tmp_path / "out"
    os.mkfifo(target) if kind == "fifo" else target.write_text("a file")
    before = tree(tmp_path)
    result = run_cli("generate", spec, "-o", target)
    assert_one_line_error(result, str(target), "is not a directory")
    assert tree(tmp_path) == before


def test_output_over_a_regular_file_replaces_it(run_cli, fork, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old report")
    result = run_cli("validate", fork["collection"], "-o", target)
    assert result.exit_code == 0 and result.stdout == ""
    report = target.read_text()
    assert "old report" not in report and "1 file(s)" in report


def test_dash_streams_the_document_to_stdout(run_cli, fork) -> None:
    upgraded = run_cli("upgrade", fork["collection"], "--to", fork["spec"], "-o", "-")
    assert upgraded.exit_code == 0, upgraded.output
    assert json.loads(upgraded.stdout)["info"]["name"] == "(Stable) Test API (v1.0)"
    assert "wrote <stdout>" in upgraded.stderr  # the report, kept off the document's stream
    report = run_cli("validate", fork["collection"], "-o", "-")
    assert report.exit_code == 0 and "1 file(s)" in report.stdout
    assert not Path("-").exists()


# -- never over an input -----------------------------------------------------------------------------------------


def _validate_all_inputs(fork: dict[str, Path], config: Path) -> list[str]:
    return [
        "validate",
        str(fork["collection"]),
        "--spec",
        str(fork["spec"]),
        "-e",
        str(fork["environment"]),
        "-g",
        str(fork["globals"]),
        "--config",
        str(config),
    ]


@pytest.mark.parametrize("victim", ["spec", "environment", "globals", "collection", "config"])
@pytest.mark.parametrize("spelling", ["same path", "hard link", "symlink", "another spelling"])
def test_validate_never_writes_over_any_of_its_inputs(
    run_cli, fork, tmp_path: Path, victim: str, spelling: str
) -> None:
    config = tmp_path / "work" / "postman-kit.toml"
    config.write_text('[validate]\nfail-on = "error"\n')
    original = config if victim == "config" else fork[victim]
    target = {
        "same path": original,
        "hard link": tmp_path / "hard-link",
        "symlink": tmp_path / "symlink",
        "another spelling": tmp_path / "work" / ".." / "work" / original.name,
    }[spelling]
    if spelling == "hard link":
        os.link(original, target)
    elif spelling == "symlink":
        target.symlink_to(original)
    before = tree(tmp_path)
    result = run_cli(*_validate_all_inputs(fork, config), "-o", target)
    assert_one_line_error(result, str(target), "refusing to overwrite an input file")
    assert tree(tmp_path) == before


def test_validate_never_writes_over_the_settings_file_it_found(
    run_cli, fork, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "work" / "postman-kit.toml"
    config.write_text('[validate]\nfail-on = "error"\n')
    monkeypatch.chdir(tmp_path / "work")
    before = config.read_bytes()
    result = run_cli("validate", fork["collection"], "-o", "postman-kit.toml")
    assert_one_line_error(result, "postman-kit.toml", "refusing to overwrite an input file")
    assert config.read_bytes() == before


def test_validate_spec_as_output_is_refused_by_the_program(fork) -> None:
    before = fork["spec"].read_bytes()
    result = run_program(
        "validate", str(fork["collection"]), "--spec", str(fork["spec"]), "-o", str(fork["spec"])
    )
    assert result.returncode == 2
    assert result.stderr == f"postman-kit: error: {fork['spec']}: refusing to overwrite an input file\n"
    assert fork["spec"].read_bytes() == before


@pytest.mark.parametrize("victim", ["old", "new", "base", "revisions"])
def test_upgrade_never_writes_over_any_of_its_inputs(run_cli, fork, tmp_path: Path, victim: str) -> None:
    revisions = tmp_path / "revisions.txt"
    revisions.write_text("2026-07-15\n")
    inputs = {"old": fork["collection"], "new": fork["spec"], "base": fork["spec"], "revisions": revisions}
    base = tmp_path / "base.yaml"
    os.link(fork["spec"], base)  # a hard link: the same file under another name
    inputs["base"] = base
    target = tmp_path / "link-to-victim"
    os.link(inputs[victim], target)
    before = tree(tmp_path)
    result = run_cli(
        "upgrade",
        fork["collection"],
        "--to",
        fork["spec"],
        "--base",
        base,
        "--revisions",
        revisions,
        "-o",
        target,
    )
    assert_one_line_error(result, str(target), "refusing to overwrite an input file")
    assert tree(tmp_path) == before


def test_generate_never_writes_over_a_hard_link_to_its_spec(run_cli, tmp_path: Path) -> None:
    spec = write_spec(tmp_path, minimal_spec(), "spec.json")
    out = tmp_path / "out"
    out.mkdir()
    os.link(spec, out / "test-api.postman_globals.json")
    before = tree(tmp_path)
    result = run_cli("generate", spec, "-o", out)
    assert_one_line_error(
        result, str(out / "test-api.postman_globals.json"), "refusing to overwrite an input file"
    )
    assert tree(tmp_path) == before


# -- control characters shown, never obeyed ----------------------------------------------------------------------


def test_printable_escapes_controls_and_keeps_the_rest() -> None:
    assert printable("Klaviyo API (v2026-07-15) – ünïcode ✓") == "Klaviyo API (v2026-07-15) – ünïcode ✓"
    assert (
        printable("a\x1b[31mb\r\nc\td\x00\x7f\x9b\u2028\u202e")
        == "a\\x1b[31mb\\r\\nc\\td\\x00\\x7f\\x9b\\u2028\\u202e"
    )


def test_a_path_with_control_characters_is_one_escaped_error_line(tmp_path: Path) -> None:
    missing = tmp_path / f"no{ESCAPES}such.json"
    result = run_program("validate", str(missing))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "\x1b" not in result.stderr and "\r" not in result.stderr
    assert result.stderr.startswith(f"postman-kit: error: {tmp_path}/no\\x1b[2J")


def test_diff_and_validate_reports_show_names_escaped(run_cli, fork, tmp_path: Path) -> None:
    paths = {
        "/things": {"get": {"summary": "List things", "responses": {"200": {"description": "ok"}}}},
        "/evil": {"get": {"summary": f"Evil{ESCAPES}", "responses": {"200": {"description": "ok"}}}},
    }
    new = write_spec(tmp_path, minimal_spec(paths), "new.json")
    report = run_cli("diff", fork["collection"], new)
    assert report.exit_code in (0, 1), report.output
    assert printable(" ".join(f"Evil{ESCAPES}".split())) in report.stdout  # a name is one line
    assert "\x1b" not in report.stdout and "\r" not in report.stdout and "\nline" not in report.stdout

    collection = json.loads(fork["collection"].read_text())
    collection["item"][0]["name"] = f"Things{ESCAPES}"
    collection["item"][0]["item"][0]["request"]["header"] = [{"key": "Authorization", "value": f"x{ESCAPES}"}]
    edited = tmp_path / "edited.postman_collection.json"
    edited.write_text(json.dumps(collection))
    checked = run_cli("validate", edited, "--select", "ALL", "--no-color")
    assert "\x1b" not in checked.stdout and "\r" not in checked.stdout and "\nline" not in checked.stdout


def test_snippet_lists_item_names_escaped(run_cli, fork, tmp_path: Path) -> None:
    collection = json.loads(fork["collection"].read_text())
    collection["item"][0]["item"][0]["name"] = f"List{ESCAPES}"
    edited = tmp_path / "edited.postman_collection.json"
    edited.write_text(json.dumps(collection))
    listed = run_cli("snippet", edited, "--list")
    assert listed.exit_code == 0, listed.output
    assert listed.stdout.splitlines() == [f"things/List{printable(ESCAPES)}"]


def test_a_file_the_spec_refs_is_an_input_generate_and_upgrade_never_write_over(
    run_cli, tmp_path: Path
) -> None:
    """The spec's responses lived in `out/acme-v1.0.postman_collection.json`, the name generate gives its output
    in `-o out`: generate wrote over it and the spec was left broken; upgrade `-o` it did the same."""
    out = tmp_path / "out"
    out.mkdir()
    shared = out / "acme-v1.0.postman_collection.json"
    shared.write_text('{"R": {"description": "ok"}}')
    spec = {"openapi": "3.0.3", "info": {"title": "Acme", "version": "1.0"},
            "servers": [{"url": "https://api.example.com"}],
            "paths": {"/x": {"get": {"responses": {"200": {"$ref": "out/acme-v1.0.postman_collection.json#/R"}}}}}}  # fmt: skip
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    result = run_cli("generate", path, "-o", out)
    assert_one_line_error(result, str(shared), "refusing to overwrite an input file")
    assert shared.read_text() == '{"R": {"description": "ok"}}'
    assert run_cli("generate", path, "-o", tmp_path / "gen").exit_code == 0
    [fork] = (tmp_path / "gen").glob("*.postman_collection.json")
    result = run_cli("upgrade", fork, "--to", path, "-o", shared)
    assert result.exit_code == 2 and "refusing to overwrite an input file" in result.stderr
    assert shared.read_text() == '{"R": {"description": "ok"}}'
