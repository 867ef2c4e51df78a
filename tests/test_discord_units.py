"""The Discord adapter's pure parts, fast and offline: Discord's limits, inert mentions, vote ids,
the answer ledger, follow-up chains, the invite link, endpoints, intents, log redaction, start-up errors.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path
from typing import Any

import aiohttp
import discord
import pytest
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route
from fakes.discord_limits import limit_errors

from bot import messages
from bot.answer import Answer, Citation
from bot.commands.discord import SecretFilter
from bot.discord_app import bot_intents
from bot.discord_commands import choices
from bot.discord_endpoints import application_id_from_token, invite_url, point_client_at
from bot.discord_history import ReplyChains
from bot.discord_lifecycle import startup_error
from bot.discord_render import (
    CONTENT_MAX_CHARS,
    Reply,
    clip,
    length,
    message_parts,
    neutral,
    render_answer,
    render_passages,
    render_sources,
)
from bot.discord_votes import AnswerLedger, parse_vote, vote_custom_id, vote_view
from bot.settings import Settings, SettingsError

PINGS = ("@everyone", "@here", "<@&123>", "<@456>", "<@!789>", "<@123456789012345678>")


def citation(quote: str = "Mr Biden and Mr Xi agreed.", source: str = "a.txt", paragraph: int = 3) -> Citation:
    return Citation(source, "A title", paragraph, quote, 0.71234)


def as_body(reply: Reply) -> dict[str, Any]:
    body: dict[str, Any] = {"content": reply.content}
    if reply.embed is not None:
        body["embeds"] = [reply.embed.to_dict()]
    return body


def test_clip_keeps_short_text_and_cuts_long_text_at_a_word() -> None:
    assert clip("short", 10) == "short"
    cut = clip("word " * 1000, 100)
    assert length(cut) <= 100 and cut.endswith("…") and not cut.endswith(" …")
    emoji = clip("🙂" * 3000, 2000)  # each counts twice in UTF-16
    assert length(emoji) <= 2000


def test_neutral_text_holds_no_ping() -> None:
    text = neutral(" ".join(PINGS))
    for ping in PINGS:
        assert ping not in text


def test_a_huge_answer_stays_within_every_limit() -> None:
    quotes = tuple(citation("fentanyl @everyone " * 400, "x" * 300 + ".txt", n) for n in range(40))
    answer = Answer("q", True, "<@456> answer " * 2000, quotes)
    for embeds in (True, False):
        reply = render_answer(answer, embeds=embeds)
        assert reply.content is not None and length(reply.content) <= CONTENT_MAX_CHARS
        assert limit_errors(as_body(reply)) == {}
        assert "<@456>" not in reply.content and "@everyone" not in str(as_body(reply))
    embed = render_answer(answer).embed
    assert embed is not None and 1 <= len(embed.fields) <= 25


def test_an_answer_lists_quote_source_and_paragraph() -> None:
    reply = render_answer(Answer("q", True, "They agreed.", (citation(),)))
    assert reply.content == "They agreed." and reply.embed is not None
    field = reply.embed.fields[0]
    assert field.name == "[1] a.txt, paragraph 3" and field.value is not None and "Mr Biden" in field.value
    plain = render_answer(Answer("q", True, "They agreed.", (citation(),)), embeds=False)
    assert plain.embed is None and plain.content is not None
    assert messages.DISCORD_SOURCES_HEADING in plain.content and "a.txt, paragraph 3" in plain.content
    declined = render_answer(Answer("q", False, "It doesn't say.", (citation(),)))
    assert declined.embed is not None and declined.embed.title == messages.DISCORD_NEAREST_HEADING
    assert render_answer(Answer("q", False, messages.GREETING, ())) == Reply(messages.GREETING)


def test_passages_echo_the_question_inertly_and_briefly() -> None:
    reply = render_passages("@everyone " + "why " * 3000, [citation() for _ in range(5)])
    assert reply.embed is not None and reply.embed.title is not None
    assert length(reply.embed.title) <= 256 and "@everyone" not in reply.embed.title
    assert reply.embed.fields[0].name == "0.712 · a.txt, paragraph 3"
    assert limit_errors(as_body(reply)) == {}
    assert render_passages("", []) == Reply(messages.DISCORD_WHY_NOTHING)


def test_many_sources_fit_one_embed() -> None:
    documents = [{"source": f"doc{n}.txt", "title": "T" * 200, "chunks": n} for n in range(1000)]
    reply = render_sources(documents)
    assert reply.embed is not None and reply.embed.description is not None
    assert limit_errors(as_body(reply)) == {} and "more" in reply.embed.description
    assert render_sources([]) == Reply(messages.DISCORD_SOURCES_NONE)


def test_message_parts_never_ping_and_hold_only_what_is_there() -> None:
    parts = message_parts(Reply("hi"))
    assert parts == {"allowed_mentions": parts["allowed_mentions"], "content": "hi"}
    assert parts["allowed_mentions"].to_dict() == {"parse": []}
    assert set(message_parts(Reply(None, discord.Embed(title="t")))) == {"allowed_mentions", "embed"}


def test_autocomplete_choices_follow_discords_rules() -> None:
    offered = choices([f"{n} " + "x" * 150 for n in range(40)] + ["", "  ", "dup", "dup"])
    assert len(offered) == 25
    assert all(1 <= len(c.name) <= 100 and len(c.value) <= 100 for c in offered)
    assert [c.name for c in choices(["", "dup", "dup"])] == ["dup"]


def test_vote_ids_round_trip_and_fit_discord() -> None:
    custom_id = vote_custom_id(-1, "0123456789abcdef")
    assert len(custom_id) <= 100 and parse_vote(custom_id) == (-1, "0123456789abcdef")
    assert parse_vote(vote_custom_id(1, "0123456789abcdef")) == (1, "0123456789abcdef")
    for other in ("", "summitbot:vote:maybe:0123456789abcdef", "summitbot:vote:up:xyz", "persistent_view:1"):
        assert parse_vote(other) is None


def test_vote_buttons_are_not_kept_in_memory() -> None:
    async def build() -> discord.ui.View:
        return vote_view("0123456789abcdef")

    view = asyncio.run(build())
    assert view.is_finished()  # so discord.py does not store it per answer
    rows = view.to_components()
    assert [c["custom_id"] for c in rows[0]["components"]] == [
        "summitbot:vote:up:0123456789abcdef",
        "summitbot:vote:down:0123456789abcdef",
    ]


def test_the_ledger_remembers_answers_and_forgets_the_oldest(tmp_path: Path) -> None:
    ledger = AnswerLedger(tmp_path / "state" / "answers.sqlite3", keep_rows=5, prune_every=10)
    first = ledger.remember("who attended?", "Wang Yi attended.")
    assert ledger.recall(first) == ("who attended?", "Wang Yi attended.")
    assert ledger.recall("0" * 16) is None
    keys = [ledger.remember(f"q{n}", "a") for n in range(30)]
    assert ledger.recall(first) is None and ledger.recall(keys[-1]) == ("q29", "a")
    with sqlite3.connect(ledger.path) as db:
        assert db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] <= 15


def test_reply_chains_are_bounded() -> None:
    chains = ReplyChains(max_conversations=3, max_questions=2)
    chains.remember(1, (), "a")
    chains.remember(2, chains.before(1), "b")
    chains.remember(3, chains.before(2), "c")
    assert chains.before(3) == ("b", "c") and chains.before(None) == ()
    chains.remember(4, (), "d")
    assert chains.before(1) == ()


def test_the_invite_link_and_the_application_id_in_a_token() -> None:
    assert application_id_from_token("MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.xyz") == 123456789012345678
    url = invite_url("", "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.xyz")
    assert url == (
        "https://discord.com/oauth2/authorize?client_id=123456789012345678"
        "&scope=bot+applications.commands&permissions=274877991936"
    )
    assert "client_id=42&" in invite_url("42", "")
    for client_id, token in (("", ""), ("abc", ""), ("", "not-a-token")):
        with pytest.raises(SettingsError):
            invite_url(client_id, token)


def test_endpoints_point_discord_py_at_a_proxy() -> None:
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    try:
        point_client_at("http://127.0.0.1:1/api/v10/", "ws://127.0.0.1:1/gateway")
        assert Route("GET", "/users/@me").url == "http://127.0.0.1:1/api/v10/users/@me"
        assert DiscordWebSocket.DEFAULT_GATEWAY == yarl.URL("ws://127.0.0.1:1/gateway")
        for api, ws in (("ftp://x/api", "wss://g"), ("https://x/api", "https://g"), ("https:///api", "wss://g")):
            with pytest.raises(SettingsError):
                point_client_at(api, ws)
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway
    assert Settings.discord_api_base_url == "https://discord.com/api/v10"


def test_intents_ask_for_nothing_privileged() -> None:
    intents = bot_intents()
    assert not intents.message_content and not intents.members and not intents.presences
    assert intents.guilds and intents.guild_messages and intents.dm_messages


def test_the_secret_filter_blanks_the_token_everywhere() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "token is %s", ("s3cr3t",), None)
    assert SecretFilter("s3cr3t").filter(record) and "s3cr3t" not in record.getMessage()
    try:
        raise RuntimeError("bad s3cr3t")
    except RuntimeError:
        import sys

        failed = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    SecretFilter("s3cr3t").filter(failed)
    assert failed.exc_text is not None and "s3cr3t" not in logging.Formatter().format(failed)


def test_start_up_errors_name_the_fix() -> None:
    settings = Settings(docs=(), home=Path("."), model="m")
    rejected = startup_error(discord.LoginFailure("Improper token has been passed."), settings)
    assert isinstance(rejected, SettingsError) and "DISCORD_TOKEN" in str(rejected)
    unreachable = startup_error(aiohttp.ServerDisconnectedError(), settings)
    assert isinstance(unreachable, SettingsError) and "DISCORD_API_BASE_URL" in str(unreachable)
    no_gateway = startup_error(discord.GatewayNotFound(), settings)
    assert isinstance(no_gateway, SettingsError) and "DISCORD_GATEWAY_URL" in str(no_gateway)
    other = ValueError("x")
    assert startup_error(other, settings) is other
