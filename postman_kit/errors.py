"""Errors that reach the user as one line and exit status 2."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: a file, URL or option the user gave cannot be used.

    `source` names the file (or URL, or `<stdin>`); the CLI prints ``SOURCE: message`` and exits 2.
    """

    def __init__(self, source: str | None, message: str) -> None:
        super().__init__(message)
        self.source = source
        self.message = message

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message
