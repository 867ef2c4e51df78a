"""Answers, passages and sources as Discord messages that never exceed Discord's limits (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import discord
from discord.utils import escape_markdown, escape_mentions

from bot import messages
from bot.answer import Answer, Citation
from bot.question import clean_question

# Discord's limits, counted in UTF-16 code units (never fewer than characters, so always safe).
CONTENT_MAX_CHARS = 2000
TITLE_MAX_CHARS = 256
DESCRIPTION_MAX_CHARS = 4096
FIELD_NAME_MAX_CHARS = 256
FIELD_VALUE_MAX_CHARS = 1024
FOOTER_MAX_CHARS = 2048
EMBED_MAX_FIELDS = 25
EMBED_TOTAL_MAX_CHARS = 6000
# A source line in a message without embeds: short enough that several fit after the answer.
SOURCE_LINE_MAX_CHARS = 400

NO_PINGS = discord.AllowedMentions.none()

_MENTION_TOKEN = re.compile(r"<(@[!&]?|#)(\d+)>")
_ELLIPSIS = "…"


@dataclass(frozen=True)
class Reply:
    """One message: text, and an embed when the channel shows them."""

    content: str | None
    embed: discord.Embed | None = None


def message_parts(reply: Reply, view: discord.ui.View | None = None) -> dict[str, Any]:
    """Keyword arguments for any discord.py send: only what is there, and never a ping."""
    parts: dict[str, Any] = {"allowed_mentions": NO_PINGS}
    if reply.content:
        parts["content"] = reply.content
    if reply.embed is not None:
        parts["embed"] = reply.embed
    if view is not None:
        parts["view"] = view
    return parts


def length(text: str) -> int:
    """Characters as Discord counts them at worst (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, max_chars: int) -> str:
    """Shorten text to at most `max_chars`, at a word boundary when one is near, marked with “…”.

    Args:
        text: any text.
        max_chars: the limit, in UTF-16 code units.

    Returns:
        The text itself when it fits, else a shortened copy ending in “…”.
    """
    if length(text) <= max_chars:
        return text
    cut = text[: max(0, max_chars - 1)]
    while cut and length(cut) > max_chars - 1:
        cut = cut[:-1]
    space = cut.rfind(" ")
    if space > 0.8 * len(cut):
        cut = cut[:space]
    return cut.rstrip() + _ELLIPSIS


def neutral(text: str) -> str:
    """Text that pings nobody even if allowed_mentions were lost: @everyone, @here and <@id> tokens broken."""
    return _MENTION_TOKEN.sub("<\u200b\\1\\2>", escape_mentions(text))


def shown(text: str) -> str:
    """Document or user text as it should read in Discord: markdown characters and mentions made inert."""
    return neutral(escape_markdown(text, as_needed=True))


def _embed_size(embed: discord.Embed) -> int:
    parts = [embed.title or "", embed.description or "", embed.footer.text or "", embed.author.name or ""]
    parts += [f"{field.name or ''}{field.value or ''}" for field in embed.fields]
    return sum(length(p) for p in parts)


def _add_fields(embed: discord.Embed, fields: Iterable[tuple[str, str]]) -> discord.Embed:
    """Add (name, value) fields, each clipped, while the embed stays within the field and total limits."""
    for name, value in fields:
        name, value = clip(name, FIELD_NAME_MAX_CHARS), clip(value, FIELD_VALUE_MAX_CHARS)
        if len(embed.fields) >= EMBED_MAX_FIELDS:
            break
        if _embed_size(embed) + length(name) + length(value) > EMBED_TOTAL_MAX_CHARS:
            break
        embed.add_field(name=name, value=value, inline=False)
    return embed


def _quote(citation: Citation) -> str:
    quote = f"“{shown(citation.quote)}”"
    return f"{quote}\n— *{shown(citation.title)}*" if citation.title else quote


def _source_name(number: int, citation: Citation) -> str:
    return messages.DISCORD_SOURCE_NAME.format(
        number=number, source=shown(citation.source), paragraph=citation.paragraph
    )


def render_answer(answer: Answer, *, embeds: bool = True) -> Reply:
    """The answer first, then its sources: quote, source file and paragraph of each.

    Args:
        answer: what the core answered.
        embeds: whether the channel shows embeds; without, sources follow as markdown lines.

    Returns:
        A reply within Discord's limits.
    """
    text = clip(shown(answer.text), CONTENT_MAX_CHARS)
    heading = messages.DISCORD_SOURCES_HEADING if answer.answered else messages.DISCORD_NEAREST_HEADING
    if not answer.citations:
        return Reply(text)
    numbered = list(enumerate(answer.citations, start=1))
    if embeds:
        colour = discord.Colour.blurple() if answer.answered else discord.Colour.light_grey()
        embed = discord.Embed(title=heading, colour=colour)
        return Reply(text, _add_fields(embed, ((_source_name(n, c), _quote(c)) for n, c in numbered)))
    lines = [f"\n\n**{heading}**"]
    for number, citation in numbered:
        line = clip(f"\n> {_source_name(number, citation)}: “{shown(citation.quote)}”", SOURCE_LINE_MAX_CHARS)
        if length(text + "".join(lines) + line) > CONTENT_MAX_CHARS:
            break
        lines.append(line)
    return Reply(text + "".join(lines) if len(lines) > 1 else text)


def render_passages(question: str, citations: Sequence[Citation]) -> Reply:
    """The best-matching passages for a question with their scores (`/why`).

    Args:
        question: what the person asked, echoed (inert) in the title.
        citations: passages, best first.

    Returns:
        A reply within Discord's limits.
    """
    asked = clean_question(question)
    if not asked or not citations:
        return Reply(messages.DISCORD_WHY_NOTHING)
    embed = discord.Embed(title=clip(messages.DISCORD_WHY_TITLE.format(question=shown(asked)), TITLE_MAX_CHARS))
    fields = (
        (
            messages.DISCORD_WHY_NAME.format(score=c.score, source=shown(c.source), paragraph=c.paragraph),
            _quote(c),
        )
        for c in citations
    )
    return Reply(None, _add_fields(embed, fields))


def render_sources(documents: Sequence[dict[str, Any]]) -> Reply:
    """The indexed documents (`/sources`): title, file and passage count of each.

    Args:
        documents: the index manifest's documents.

    Returns:
        A reply within Discord's limits.
    """
    if not documents:
        return Reply(messages.DISCORD_SOURCES_NONE)
    lines: list[str] = []
    for shown_count, document in enumerate(documents):
        line = messages.DISCORD_SOURCES_LINE.format(
            title=shown(str(document.get("title") or document.get("source", "?"))),
            source=shown(str(document.get("source", "?"))),
            passages=document.get("chunks", document.get("passages", "?")),
        )
        more = messages.DISCORD_SOURCES_MORE.format(count=len(documents) - shown_count)
        if length("\n".join([*lines, clip(line, 300), more])) > DESCRIPTION_MAX_CHARS:
            lines.append(more)
            break
        lines.append(clip(line, 300))
    embed = discord.Embed(title=messages.DISCORD_SOURCES_TITLE, description="\n".join(lines))
    return Reply(None, embed)
