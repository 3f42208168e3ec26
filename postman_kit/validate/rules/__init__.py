"""Validate's rules, one module per family; importing this package registers them all."""

from __future__ import annotations

from postman_kit.validate.registry import RULES
from postman_kit.validate.rules import auth, lint, requests, revision, structure, troubleshooting

FAMILIES = ("structure", "auth", "revision", "request", "troubleshooting", "lint")

__all__ = ["FAMILIES", "RULES", "auth", "lint", "requests", "revision", "structure", "troubleshooting"]
