"""Cassettes as readable YAML: JSON bodies are stored parsed, so a diff of a re-recording reads
like the conversation it is. Loading turns them back into the bodies that were sent and received
(vcrpy's body matcher compares JSON bodies by value)."""

from __future__ import annotations

import json
from typing import Any

import yaml


def _parse(body: Any) -> Any:
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if not isinstance(body, str) or not body.strip().startswith(("{", "[")):
        return None
    try:
        return json.loads(body)
    except json.JSONDecodeError:
        return None


def serialize(cassette: dict) -> str:
    for interaction in cassette["interactions"]:
        request, response = interaction["request"], interaction["response"]
        if (parsed := _parse(request.get("body"))) is not None:
            request["parsed_body"] = parsed
            del request["body"]
        if (parsed := _parse(response.get("body", {}).get("string"))) is not None:
            response["parsed_body"] = parsed
            del response["body"]
    return yaml.safe_dump(cassette, allow_unicode=True, sort_keys=False, width=120)


def deserialize(text: str) -> dict:
    cassette = yaml.safe_load(text)
    for interaction in cassette["interactions"]:
        request, response = interaction["request"], interaction["response"]
        if "parsed_body" in request:
            request["body"] = json.dumps(request.pop("parsed_body"))
        if "parsed_body" in response:
            response["body"] = {"string": json.dumps(response.pop("parsed_body"))}
    return cassette
