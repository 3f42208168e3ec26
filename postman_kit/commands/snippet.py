"""`postman-kit snippet COLLECTION ITEM`."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from postman_kit.collection import Collection
from postman_kit.collection_files import read_collection
from postman_kit.errors import InputError
from postman_kit.secrets import redact
from postman_kit.snippets import LANGUAGE_LIST, LANGUAGE_NAMES, item_references, render, resolve_item
from postman_kit.terminal import has_control_character, printable, printable_lines
from postman_kit.variables import load_variable_file

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def load_collection(source: str) -> Collection:
    """The collection (a file in any form, or a v3 directory) without its examples."""
    data = read_collection(source).data
    return Collection.from_json({**data, "item": _without_examples(data["item"])})


@contextmanager
def _naming(source: str) -> Iterator[None]:
    """Problems found in the request (an auth type snippets cannot write, ...) name the collection file."""
    try:
        yield
    except InputError as exc:
        if exc.source is not None:
            raise
        raise InputError(source, exc.message) from None


def _without_examples(nodes: list[object]) -> list[object]:
    """Items without their saved responses: a snippet never needs them, and in a large collection they are
    most of what there is to read (three quarters of the time on Klaviyo's)."""
    out: list[object] = []
    for node in nodes:
        if isinstance(node, dict) and isinstance(node.get("item"), list):
            node = {**node, "item": _without_examples(node["item"])}
        elif isinstance(node, dict):
            node = {key: value for key, value in node.items() if key != "response"}
        out.append(node)
    return out


@click.command("snippet")
@click.argument("collection_file", metavar="COLLECTION")
@click.argument("item", required=False)
@click.option(
    "-l",
    "--lang",
    "language",
    type=click.Choice(list(LANGUAGE_NAMES)),
    default="curl",
    show_default=True,
    metavar="LANG",
    help="Language of the snippet: "
    + "; ".join(f"{language.name} ({language.postman})" for language in LANGUAGE_LIST)
    + ". Postman's code generator names (python-requests, shell-httpie, js-fetch, …) work too.",
)
@click.option(
    "-e",
    "--environment",
    "environment_file",
    metavar="ENV",
    help="Postman environment file; its values override the collection's.",
)
@click.option("-g", "--globals", "globals_file", metavar="GLOBALS", help="Postman globals file.")
@click.option(
    "--key-env",
    metavar="NAME",
    help="Environment variable the snippet reads the API key from "
    "(default: KLAVIYO_PRIVATE_KEY for Klaviyo, else from the variable: apiKey → API_KEY). "
    "The key variable named by the collection's auth and every secret variable are always read from "
    "the environment, whether or not a file defines them.",
)
@click.option("--list", "list_items", is_flag=True, help="Print the item paths of the collection and exit.")
def snippet_command(
    collection_file: str,
    item: str | None,
    language: str,
    environment_file: str | None,
    globals_file: str | None,
    key_env: str | None,
    list_items: bool,
) -> None:
    """Print ITEM of COLLECTION as code that sends the same request, secrets read from the environment.

    ITEM is an item path (`Profiles/Get Profiles`) or the name of a request when unique. The first line says
    which environment variables the snippet reads. A variable no scope defines is an error: a snippet never
    holds `{{name}}`.
    """
    if key_env is not None and not _ENV_NAME.fullmatch(key_env):
        raise InputError(
            None, f"--key-env {key_env!r} is not an environment variable name (letters, digits, _)"
        )
    collection = load_collection(collection_file)
    if list_items:
        for reference, _ in item_references(collection):
            click.echo(printable(redact(reference)))
        return
    if not item:
        raise InputError(None, "give the ITEM to print (an item path or a request name); --list shows them")
    environment = load_variable_file(environment_file, "environment") if environment_file else None
    globals_ = load_variable_file(globals_file, "globals") if globals_file else None
    with _naming(collection_file):
        request = resolve_item(
            collection,
            item,
            environment=environment,
            globals_=globals_,
            key_env=key_env,
            source=collection_file,
        )
        text = render(request, language)
    if redact(text) != text:
        # each literal was searched and truncated before it was written into code: what reads as a credential
        # now spans the code's own syntax (an escaped quote beside a token), which truncating would break. The
        # refusal is the one line printed: the warnings were about a snippet no one gets.
        raise InputError(
            collection_file,
            f"{request.path}: the {language} snippet would hold text that reads as a credential; not printed",
        )
    for warning in request.warnings:
        click.echo(f"warning: {printable(redact(request.path))}: {printable(redact(warning))}", err=True)
    if has_control_character(text.replace("\n", "")) and sys.stdout.isatty():
        # A name, header or body holding ESC or a bidirectional override would steer the terminal that shows
        # the snippet; there it is shown escaped, and the exact code goes to a file or a pipe.
        click.echo(
            "warning: the snippet holds control characters, shown escaped here; redirect it to a file for the "
            "exact code",
            err=True,
        )
        text = printable_lines(text)
    click.echo(text, nl=False)


__all__ = ["load_collection", "snippet_command"]
