"""Discord's limits on what a message may hold, checked as the real API checks them (400, code 50035)."""

from __future__ import annotations

from typing import Any

CONTENT = 2000
EMBEDS = 10
TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000
CUSTOM_ID = 100
BUTTON_LABEL = 80
CHOICES = 25
CHOICE_NAME = 100


def _embed_errors(embed: dict[str, Any], where: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    for key, limit in (("title", TITLE), ("description", DESCRIPTION)):
        if len(embed.get(key) or "") > limit:
            errors[f"{where}.{key}"] = f"must be {limit} or fewer in length"
    if len((embed.get("footer") or {}).get("text") or "") > FOOTER:
        errors[f"{where}.footer.text"] = f"must be {FOOTER} or fewer in length"
    if len((embed.get("author") or {}).get("name") or "") > AUTHOR:
        errors[f"{where}.author.name"] = f"must be {AUTHOR} or fewer in length"
    fields = embed.get("fields") or []
    if len(fields) > FIELDS:
        errors[f"{where}.fields"] = f"must be {FIELDS} or fewer in length"
    for number, field in enumerate(fields):
        name, value = field.get("name") or "", field.get("value") or ""
        if not name or len(name) > FIELD_NAME:
            errors[f"{where}.fields.{number}.name"] = f"must be between 1 and {FIELD_NAME} in length"
        if not value or len(value) > FIELD_VALUE:
            errors[f"{where}.fields.{number}.value"] = f"must be between 1 and {FIELD_VALUE} in length"
    return errors


def embed_size(embed: dict[str, Any]) -> int:
    """The characters Discord counts towards the 6000 an embed (all embeds of a message together) may hold."""
    texts = [embed.get("title"), embed.get("description"), (embed.get("footer") or {}).get("text"),
             (embed.get("author") or {}).get("name")]
    texts += [f.get("name", "") + f.get("value", "") for f in embed.get("fields") or []]
    return sum(len(t or "") for t in texts)


def _component_errors(rows: list[dict[str, Any]]) -> dict[str, str]:
    errors: dict[str, str] = {}
    for r, row in enumerate(rows):
        for c, component in enumerate(row.get("components") or []):
            if len(component.get("custom_id") or "") > CUSTOM_ID:
                errors[f"components.{r}.components.{c}.custom_id"] = f"must be {CUSTOM_ID} or fewer in length"
            if len(component.get("label") or "") > BUTTON_LABEL:
                errors[f"components.{r}.components.{c}.label"] = f"must be {BUTTON_LABEL} or fewer in length"
    return errors


def limit_errors(body: dict[str, Any]) -> dict[str, str]:
    """What is over Discord's limits in a message body (or an interaction response's data); empty if none."""
    errors: dict[str, str] = {}
    if len(body.get("content") or "") > CONTENT:
        errors["content"] = f"Must be {CONTENT} or fewer in length."
    embeds = body.get("embeds") or []
    if len(embeds) > EMBEDS:
        errors["embeds"] = f"Must be {EMBEDS} or fewer in length."
    for number, embed in enumerate(embeds):
        errors.update(_embed_errors(embed, f"embeds.{number}"))
    if sum(embed_size(e) for e in embeds) > EMBED_TOTAL:
        errors["embeds"] = f"Embed size exceeds maximum size of {EMBED_TOTAL}"
    errors.update(_component_errors(body.get("components") or []))
    choices = body.get("choices")
    if choices is not None:
        if len(choices) > CHOICES:
            errors["choices"] = f"Must be {CHOICES} or fewer in length."
        for number, choice in enumerate(choices):
            if not 1 <= len(choice.get("name") or "") <= CHOICE_NAME or len(str(choice.get("value"))) > CHOICE_NAME:
                errors[f"choices.{number}"] = f"name and value must be 1 to {CHOICE_NAME} long"
    return errors
