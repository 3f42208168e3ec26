"""One module per output format; each has `render(report, color=False) -> str` (keys truncated by `render`)."""

from __future__ import annotations

import importlib

from postman_kit.secrets import redact
from postman_kit.validate.model import Report

FORMATS = ("text", "json", "junit", "sarif", "github")


def render(report: Report, output_format: str = "text", *, color: bool = False) -> str:
    if output_format not in FORMATS:
        raise ValueError(f"unknown format {output_format!r}; choose from {', '.join(FORMATS)}")
    module = importlib.import_module(f"postman_kit.validate.reporters.{output_format}")
    return redact(module.render(report, color=color))


__all__ = ["FORMATS", "render"]
