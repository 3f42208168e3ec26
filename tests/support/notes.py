"""A small dated-or-versioned API ("Notes") that fork tests generate, edit as users do in Postman, and upgrade."""

from __future__ import annotations

from typing import Any


def notes_spec(version: str, *, with_archive: bool) -> dict[str, Any]:
    listing = {
        "operationId": "ListNotes",
        "summary": "List notes",
        "tags": ["Notes"],
        "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}}],
        "responses": {"200": {"description": "OK"}},
    }
    paths: dict[str, Any] = {
        "/notes": {
            "get": listing,
            "post": {
                "operationId": "CreateNote",
                "summary": "Create note",
                "tags": ["Notes"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["text"],
                                "properties": {"text": {"type": "string", "example": "Buy milk"}},
                            }
                        }
                    },
                },
                "responses": {"201": {"description": "Created"}},
            },
        },
        "/notes/{note_id}": {
            "delete": {
                "operationId": "DeleteNote",
                "summary": "Delete note",
                "tags": ["Notes"],
                "description": "Deletes a note for good.",
                "parameters": [
                    {"name": "note_id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"204": {"description": "Deleted"}},
            }
        },
    }
    if with_archive:
        paths["/notes/{note_id}/archive"] = {
            "post": {
                "operationId": "ArchiveNote",
                "summary": "Archive note",
                "tags": ["Notes"],
                "parameters": [
                    {"name": "note_id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": {"description": "OK"}},
            }
        }
    return {
        "openapi": "3.0.3",
        "info": {"title": "Notes API", "version": version},
        "servers": [{"url": "https://api.notes.example/v1"}],
        "tags": [{"name": "Notes", "description": "Your notes."}],
        "security": [{"bearerAuth": []}],
        "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
        "paths": paths,
    }


def items(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for node in nodes:
        found += items(node["item"]) if "item" in node else [node]
    return found


def named(collection: dict[str, Any], name: str) -> dict[str, Any]:
    return next(item for item in items(collection["item"]) if item["name"] == name)
