"""How `ccs-migrate errors` shows a rejected value: cut to a readable length (the source file keeps it whole)."""

from __future__ import annotations

MAX_SHOWN = 200  # characters of a value or message shown per error row


def cut(text, limit: int = MAX_SHOWN):
    """The first `limit` characters and how long the whole value was; anything that is not text is left alone."""
    if not isinstance(text, str) or len(text) <= limit:
        return text
    return f"{text[:limit]}... [{len(text):,} characters; the whole value is in the source file at this line]"


def readable(row: dict) -> dict:
    return {**row, "value": cut(row.get("value")), "message": cut(row.get("message"))}
