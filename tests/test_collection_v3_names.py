"""The v3 writer takes its file names from collection, folder and request names a spec or a user wrote: whatever
they hold (separators, `..`, NUL, names past 255 bytes, names equal once made safe), every file lands inside the
output directory, and reading the directory back gives every request and example, under its own name."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Any

from postman_kit.collection_files import read_v3_collection
from postman_kit.collection_v3 import MAX_NAME_BYTES, write_v3_collection

HOSTILE_NAMES = [
    "../../x",
    "..",
    ".",
    "/etc/passwd",
    "a/b",
    "a\\b",
    "con",
    "nul\x00byte",
    "é" * 200,
    "x" * 300,
    ".resources",
    ".RESOURCES",
    "same",
    "Same",
    "same ",
    "a.request.yaml",
    "a",
    "",
]


def request(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "request": {"method": "GET", "url": {"raw": "https://x.test/" + str(len(name))}},
        "response": [
            {"name": name, "code": 200, "status": "OK", "body": "{}"},
            {"name": name, "code": 404, "status": "Not Found", "body": "{}"},
        ],
    }


def hostile_collection() -> dict[str, Any]:
    folder_items = [request(name) for name in HOSTILE_NAMES]
    folders = [{"name": name, "item": [request("inside " + str(n))]} for n, name in enumerate(HOSTILE_NAMES)]
    return {
        "info": {
            "name": "../../escape",
            "_postman_id": "3f1c0c4e-0000-4000-8000-000000000001",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [*folders, *folder_items],
    }


def walk(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for item in items:
        found.extend(walk(item["item"]) if "item" in item else [item])
    return found


def test_hostile_names_stay_inside_the_output_and_lose_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = write_v3_collection(hostile_collection(), out)

    assert all(path.resolve().is_relative_to(out.resolve()) for path in written)
    on_disk = {Path(root) / name for root, _, names in os.walk(tmp_path) for name in names}
    assert on_disk == set(written)  # nothing beside the output directory, no temporary file left
    assert all(len(part.encode()) <= 255 for path in written for part in path.parts)

    (directory,) = (out / "postman" / "collections").iterdir()
    back = walk(read_v3_collection(str(directory)).data["item"])
    expected = walk(hostile_collection()["item"])
    assert len(back) == len(expected)
    # Names come back as given, the empty one as the fallback name Postman gives it.
    empty = [item["name"] for item in back if item["name"].startswith("http-request")]
    assert len(empty) == 1
    assert sorted(item["name"] for item in back if item["name"] not in empty) == sorted(
        item["name"] for item in expected if item["name"]
    )
    assert all(len(item["response"]) == 2 for item in back)


def test_a_name_past_the_limit_is_cut_on_a_character_boundary(tmp_path: Path) -> None:
    written = write_v3_collection({"info": {"name": "c"}, "item": [request("é" * 300)]}, tmp_path)
    request_file = next(path for path in written if path.name.endswith(".request.yaml"))
    stem = request_file.name.removesuffix(".request.yaml")
    assert stem == "é" * (MAX_NAME_BYTES // 2)


def test_a_folder_named_like_a_request_file_does_not_take_its_place(tmp_path: Path) -> None:
    collection = {
        "info": {"name": "c"},
        "item": [{"name": "a.request.yaml", "item": [request("inner")]}, request("a")],
    }
    written = write_v3_collection(collection, tmp_path)
    (directory,) = (tmp_path / "postman" / "collections").iterdir()
    names = sorted(item["name"] for item in walk(read_v3_collection(str(directory)).data["item"]))
    assert names == ["a", "inner"]
    assert len([path for path in written if path.name.endswith(".request.yaml")]) == 2


def test_names_differing_only_by_unicode_normalisation_get_entries_of_their_own(tmp_path: Path) -> None:
    """`Café` typed on macOS (e + combining accent) beside `Café` from a spec (composed é): macOS's file system
    takes both names as one entry, so the second request overwrote the first there."""
    composed, decomposed = "Caf\u00e9", "Cafe\u0301"
    collection = {
        "info": {"name": "c"},
        "item": [request(composed), request(decomposed), {"name": "Ünits", "item": [request("x")]},
                 {"name": "U\u0308nits", "item": [request("y")]}],
    }  # fmt: skip
    written = write_v3_collection(collection, tmp_path)
    (directory,) = (tmp_path / "postman" / "collections").iterdir()
    entries = [path.relative_to(directory).parts[0] for path in written if directory in path.parents]
    assert (
        len({unicodedata.normalize("NFD", entry).lower() for entry in set(entries)}) == len(set(entries)) >= 4
    )
    names = sorted(item["name"] for item in walk(read_v3_collection(str(directory)).data["item"]))
    assert names == sorted([composed, decomposed, "x", "y"])


def test_names_become_file_names_every_system_and_postman_reads_back(tmp_path: Path) -> None:
    """`../../x` became `..-..-x`, which Postman (and the kit since) skip as a hidden entry: the request was lost
    on reading the collection back. `CON` and `nul.txt` are Windows's devices, a trailing dot is dropped there,
    and a right-to-left override shows `txt.exe` as `exe.txt` in a listing."""
    names = ["../../x", "CON", "nul.txt", "Lpt1", "report.", "x\u202etxt.exe", "\u2066isolated\u2069"]
    names += ["CONIN$", "conout$", "con .json", "NUL  .txt"]  # the console's devices; blanks Windows drops
    collection = {**hostile_collection(), "item": [request(name) for name in names]}
    written = write_v3_collection(collection, tmp_path / "out")
    (directory,) = (tmp_path / "out" / "postman" / "collections").iterdir()
    parts = {part for path in written for part in path.relative_to(directory).parts} - {
        ".resources",
        "definition.yaml",
    }
    assert not any(part.startswith(".") or part.endswith((".", " ")) for part in parts), parts
    device = re.compile(r"(?i)(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$) *(\.|$)")
    assert not any(device.match(part) for part in parts), parts
    assert not any(re.search("[\u202a-\u202e\u2066-\u2069]", part) for part in parts), parts
    back = sorted(item["name"] for item in walk(read_v3_collection(str(directory)).data["item"]))
    assert back == sorted(names)
