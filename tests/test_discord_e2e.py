"""`summitbot discord` end to end: the real bot process and model against a loopback fake of Discord.

One bot process serves the whole module; each test plays users (fresh user ids, so the cooldown
only bites where a test wants it) and asserts on the JSON the fake received. Tests run in file order;
the last ones read the bot's logs and stop it with SIGTERM.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fakes.discord_bot import BotProcess, clean_env, indexed_home, run_summitbot
from fakes.discord_fake import FakeDiscord, Recorded
from fakes.discord_limits import limit_errors
from fakes.discord_payloads import MESSAGE_CONTENT_INTENT, snowflake

from bot import messages

pytestmark = [pytest.mark.e2e, pytest.mark.model]

PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | MESSAGE_CONTENT_INTENT  # members, presences, message content
DEFAULT_INTENTS_WITHOUT_CONTENT = 53575421  # discord.Intents.default(), message_content off
HEARTBEAT_MS = 1500
ACK_DEADLINE_SECONDS = 3.0
QUESTIONS = [
    "what was agreed on fentanyl?", "who attended?", "where did they meet?", "what about AI?",
    "did they restore military communications?", "what are the main outcomes?", "what happened with Taiwan?",
    "how long did they meet?", "what did Biden say?", "what did Xi say?",
]


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeDiscord]:
    server = FakeDiscord(heartbeat_interval_ms=HEARTBEAT_MS).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def bot(fake: FakeDiscord, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    allowed = f"{fake.channel_id},{fake.no_embeds_channel_id}"
    process = BotProcess(
        fake,
        indexed_home(tmp_path_factory),
        DISCORD_GUILD_ID=fake.guild_id,
        SUMMITBOT_COOLDOWN_SECONDS="30",
        SUMMITBOT_CHANNELS=allowed,
    ).start()
    process.wait_ready()
    yield process
    process.kill()


def mention(fake: FakeDiscord, text: str) -> str:
    return f"<@{fake.app_id}> {text}"


def assert_no_pings(body: dict[str, Any]) -> None:
    allowed = body.get("allowed_mentions")
    assert allowed is not None and allowed.get("parse") == [], allowed
    assert not allowed.get("replied_user") and not allowed.get("users") and not allowed.get("roles")


def assert_within_limits(body: dict[str, Any]) -> None:
    assert limit_errors(body) == {}


def custom_ids(message: dict[str, Any]) -> list[str]:
    return [c["custom_id"] for row in message.get("components", []) for c in row["components"]]


def test_connects_without_privileged_intents_and_with_compression(bot: BotProcess, fake: FakeDiscord) -> None:
    intents = fake.identifies[0]["intents"]
    assert intents & PRIVILEGED_INTENTS == 0
    assert intents == DEFAULT_INTENTS_WITHOUT_CONTENT
    query = fake.connections[0].query
    assert query["v"] == "10" and query["encoding"] == "json"
    # discord.py asks for zlib-stream (zstd-stream if a zstd module is installed; the fake then sends text).
    assert query.get("compress") in ("zlib-stream", "zstd-stream")
    assert fake.connections[0].compressor is not None or query.get("compress") == "zstd-stream"
    assert fake.requests_to("GET", "/users/@me")[0].authorization == f"Bot {fake.token}"


def test_registers_the_commands_in_the_test_server(bot: BotProcess, fake: FakeDiscord) -> None:
    synced = fake.commands[f"/applications/{fake.app_id}/guilds/{fake.guild_id}/commands"]
    assert {c["name"] for c in synced} == {"ask", "why", "sources", "help"}
    ask = next(c for c in synced if c["name"] == "ask")
    options = {o["name"]: o for o in ask["options"]}
    assert options["question"]["type"] == 3 and options["question"]["required"] is True
    assert options["question"]["autocomplete"] is True
    assert options["private"]["type"] == 5 and not options["private"].get("required")


def test_mention_is_answered_as_a_reply_with_sources(bot: BotProcess, fake: FakeDiscord) -> None:
    question = fake.say(mention(fake, "what was agreed on fentanyl?"))
    reply = fake.reply_to(question["id"])
    assert reply.status == 200
    assert reply.path == f"/channels/{fake.channel_id}/messages"
    body = reply.body
    assert_no_pings(body)
    assert_within_limits(body)
    assert "fentanyl" in body["content"].lower()
    fields = body["embeds"][0]["fields"]
    assert fields and "paragraph" in fields[0]["name"] and ".txt" in fields[0]["name"]
    assert "fentanyl" in fields[0]["value"].lower()
    assert len(custom_ids(body)) == 2
    typing = fake.requests_to("POST", f"/channels/{fake.channel_id}/typing")
    assert typing and typing[0].at <= reply.at


def test_a_mention_of_the_bots_role_is_noticed(bot: BotProcess, fake: FakeDiscord) -> None:
    # Discord withholds the text (no message content intent), so the bot says how to reach it.
    question = fake.say(f"<@&{fake.bot_role_id}> who attended?")
    assert fake.reply_to(question["id"]).body["content"] == messages.DISCORD_CONTENT_HIDDEN


def test_mentions_in_a_question_never_ping(bot: BotProcess, fake: FakeDiscord) -> None:
    text = mention(fake, "@everyone @here <@&123> <@456> what was agreed on fentanyl?")
    reply = fake.reply_to(fake.say(text)["id"])
    assert_no_pings(reply.body)
    why = fake.slash("why", question="@everyone @here <@&123> <@456> fentanyl")
    followup = fake.followup(why.payload["token"])
    assert_no_pings(followup.body)
    echoed = followup.body["embeds"][0]["title"]
    for ping in ("@everyone", "@here", "<@&123>", "<@456>"):
        assert ping not in echoed and ping not in reply.body["content"]


def test_a_dm_is_answered_without_a_mention(bot: BotProcess, fake: FakeDiscord) -> None:
    question = fake.say("who attended?", dm=True)
    reply = fake.reply_to(question["id"])
    assert reply.path == f"/channels/{question['channel_id']}/messages"
    assert "attended" in reply.body["content"]
    assert_no_pings(reply.body)


def test_a_greeting_gets_a_hint_and_no_vote_buttons(bot: BotProcess, fake: FakeDiscord) -> None:
    body = fake.reply_to(fake.say(mention(fake, "hello!"))["id"]).body
    assert body["content"] and not body.get("embeds") and not custom_ids(body)


def test_ignores_its_own_and_other_bots_messages_and_chatter(bot: BotProcess, fake: FakeDiscord) -> None:
    own = fake.say(mention(fake, "who attended?"), user_id=fake.app_id)
    other_bot = fake.say(mention(fake, "who attended?"), bot=True)
    chatter = fake.say("who attended? (not for the bot)")
    assert chatter["content"] and not fake.as_delivered(chatter)["content"]  # content withheld, as Discord does
    sentinel = fake.say(mention(fake, "where did they meet?"))
    fake.reply_to(sentinel["id"])
    time.sleep(1)
    for ignored in (own, other_bot, chatter):
        assert not [r for r in fake.channel_posts(fake.channel_id)
                    if str((r.body.get("message_reference") or {}).get("message_id")) == ignored["id"]]


def test_slash_ask_is_acknowledged_then_followed_up(bot: BotProcess, fake: FakeDiscord) -> None:
    asked = fake.slash("ask", question="what was agreed on fentanyl?")
    callback = fake.callback(asked.payload["id"])
    assert callback.body["type"] in (4, 5)
    assert asked.ack_seconds is not None and asked.ack_seconds <= ACK_DEADLINE_SECONDS
    assert not (callback.body.get("data") or {}).get("flags", 0) & 64
    followup = fake.followup(asked.payload["token"])
    assert followup.status == 200
    assert "fentanyl" in followup.body["content"].lower()
    assert followup.body["embeds"][0]["fields"]
    assert_no_pings(followup.body)
    assert_within_limits(followup.body)
    assert len(custom_ids(followup.body)) == 2


def test_slash_ask_private_answers_only_the_asker(bot: BotProcess, fake: FakeDiscord) -> None:
    asked = fake.slash("ask", question="who attended?", private=True)
    callback = fake.callback(asked.payload["id"])
    assert callback.body["data"]["flags"] & 64
    followup = fake.followup(asked.payload["token"])
    assert followup.body.get("flags", 0) & 64 or followup.response["flags"] & 64


def test_why_shows_passages_with_scores(bot: BotProcess, fake: FakeDiscord) -> None:
    asked = fake.slash("why", question="what was agreed on fentanyl?")
    fake.callback(asked.payload["id"])
    assert asked.ack_seconds is not None and asked.ack_seconds <= ACK_DEADLINE_SECONDS
    fields = fake.followup(asked.payload["token"]).body["embeds"][0]["fields"]
    assert 1 <= len(fields) <= 5
    assert all(re.match(r"^\d\.\d{3} · ", f["name"]) for f in fields)
    assert any("fentanyl" in f["value"].lower() for f in fields)


def test_sources_and_help(bot: BotProcess, fake: FakeDiscord) -> None:
    sources = fake.slash("sources")
    body = fake.callback(sources.payload["id"]).body
    assert body["type"] == 4 and "biden-xi-summit-2023.txt" in body["data"]["embeds"][0]["description"]
    shown_help = fake.slash("help")
    body = fake.callback(shown_help.payload["id"]).body
    assert body["type"] == 4 and "/ask" in body["data"]["content"]
    assert_no_pings(body["data"])


def test_autocomplete_offers_at_most_25_short_choices(bot: BotProcess, fake: FakeDiscord) -> None:
    for typed in ("", "fent", "x" * 150):
        offered = fake.autocomplete("ask", "question", typed)
        body = fake.callback(offered.payload["id"]).body
        assert body["type"] == 8
        choices = body["data"]["choices"]
        assert len(choices) <= 25 and all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    assert any("fentanyl" in c["name"].lower() for c in fake.callback(
        fake.autocomplete("ask", "question", "fent").payload["id"]).body["data"]["choices"])


def test_a_10000_character_question_stays_within_limits(bot: BotProcess, fake: FakeDiscord) -> None:
    huge = ("fentanyl @everyone " * 600)[:10_000]
    reply = fake.reply_to(fake.say(mention(fake, huge))["id"])
    assert reply.status == 200 and len(reply.body["content"]) <= 2000
    for command in ("ask", "why"):
        asked = fake.slash(command, question=huge)
        followup = fake.followup(asked.payload["token"])
        assert followup.status == 200
        assert_within_limits(followup.body)
        assert all(len(e.get("title") or "") <= 256 for e in followup.body.get("embeds", []))


def test_sources_as_markdown_where_embeds_are_not_allowed(bot: BotProcess, fake: FakeDiscord) -> None:
    question = fake.say(mention(fake, "what was agreed on fentanyl?"), channel_id=fake.no_embeds_channel_id)
    body = fake.reply_to(question["id"]).body
    assert not body.get("embeds")
    assert messages.DISCORD_SOURCES_HEADING in body["content"] and "paragraph" in body["content"]
    assert len(body["content"]) <= 2000


def test_channels_outside_the_allow_list_get_a_polite_note(bot: BotProcess, fake: FakeDiscord) -> None:
    question = fake.say(mention(fake, "who attended?"), channel_id=fake.closed_channel_id)
    assert fake.reply_to(question["id"]).body["content"] == messages.CHANNEL_NOT_ALLOWED
    asked = fake.slash("ask", question="who attended?", channel_id=fake.closed_channel_id)
    body = fake.callback(asked.payload["id"]).body
    assert body["type"] == 4 and body["data"]["content"] == messages.CHANNEL_NOT_ALLOWED
    assert body["data"]["flags"] & 64


def test_asking_again_too_soon_gets_the_cooldown_note(bot: BotProcess, fake: FakeDiscord) -> None:
    user = snowflake()
    first = fake.say(mention(fake, "who attended?"), user_id=user)
    fake.reply_to(first["id"])
    again = fake.say(mention(fake, "where did they meet?"), user_id=user)
    assert "asking quickly" in fake.reply_to(again["id"]).body["content"]
    asked = fake.slash("ask", question="what about AI?", user_id=user)
    body = fake.callback(asked.payload["id"]).body
    assert body["type"] == 4 and "asking quickly" in body["data"]["content"] and body["data"]["flags"] & 64


def test_a_reply_to_an_answer_is_a_follow_up(bot: BotProcess, fake: FakeDiscord) -> None:
    first = fake.say(mention(fake, "what was agreed on fentanyl?"))
    answer = fake.reply_to(first["id"]).response
    follow_up = fake.say("what about AI?", reply_to=answer)
    assert "artificial intelligence" in fake.reply_to(follow_up["id"]).body["content"]  # the AI agreement


def test_votes_are_stored_and_tallied(bot: BotProcess, fake: FakeDiscord) -> None:
    asked = fake.slash("ask", question="where did they meet?")
    answer = fake.followup(asked.payload["token"]).response
    down = next(i for i in custom_ids(answer) if ":down:" in i)
    pressed = fake.press(answer, down)
    body = fake.callback(pressed.payload["id"]).body
    assert body["type"] == 4 and body["data"]["content"] == messages.FEEDBACK_THANKS and body["data"]["flags"] & 64
    assert pressed.ack_seconds is not None and pressed.ack_seconds <= ACK_DEADLINE_SECONDS
    unknown = fake.press(answer, "summitbot:vote:up:0123456789abcdef")
    assert fake.callback(unknown.payload["id"]).body["data"]["content"] == messages.DISCORD_VOTE_UNKNOWN
    tally = run_summitbot("feedback", env=clean_env(SUMMITBOT_HOME=str(bot.home)), cwd=bot.home)
    assert tally.returncode == 0, tally.stderr
    assert "👎 1" in tally.stdout and "where did they meet" in tally.stdout


def test_a_failing_handler_apologises_and_the_bot_keeps_serving(bot: BotProcess, fake: FakeDiscord) -> None:
    fake.fail_message_posts = 1
    question = fake.say(mention(fake, "who attended?"))
    assert fake.reply_to(question["id"]).body["content"] == messages.CHAT_ERROR
    fake.fail_followups = 1
    asked = fake.slash("ask", question="who attended?")
    apology = fake.wait_for(lambda: [r for r in fake.followups(asked.payload["token"]) if r.status == 200])
    assert apology[0].body["content"] == messages.CHAT_ERROR and apology[0].body["flags"] & 64
    later = fake.say(mention(fake, "where did they meet?"))
    assert "Woodside" in fake.reply_to(later["id"]).body["content"]
    assert "Traceback" in bot.logs()


def test_callbacks_answered_without_a_body_still_work(bot: BotProcess, fake: FakeDiscord) -> None:
    fake.callback_bodies = False  # a proxy that drops ?with_response=1 gets Discord's 204
    try:
        asked = fake.slash("ask", question="who attended?")
        assert "attended" in fake.followup(asked.payload["token"]).body["content"]
        shown_help = fake.slash("help")
        assert fake.callback(shown_help.payload["id"]).status == 204
        later = fake.slash("ask", question="where did they meet?")
        assert "Woodside" in fake.followup(later.payload["token"]).body["content"]
    finally:
        fake.callback_bodies = True
    assert not [r for r in fake.followups(asked.payload["token"]) if r.body.get("content") == messages.CHAT_ERROR]


def test_a_burst_of_20_keeps_heartbeats_and_acknowledgements_on_time(bot: BotProcess, fake: FakeDiscord) -> None:
    connections = len(fake.connections)
    started = time.monotonic()
    burst = [fake.say(mention(fake, QUESTIONS[n % len(QUESTIONS)])) for n in range(20)]
    asked = fake.slash("ask", question="who attended?")
    fake.callback(asked.payload["id"])
    assert asked.ack_seconds is not None and asked.ack_seconds <= ACK_DEADLINE_SECONDS
    replies: list[Recorded] = [fake.reply_to(m["id"], timeout=90) for m in burst]
    fake.followup(asked.payload["token"], timeout=90)
    finished = time.monotonic()
    assert all(r.status == 200 and r.body["content"] for r in replies)
    # Discord's rule: a heartbeat every interval (some slack allowed), each one ACKed.
    beats = [t for t in fake.heartbeats if t <= finished]
    gaps = [b - a for a, b in itertools.pairwise(beats) if b >= started] + [finished - beats[-1]]
    assert max(gaps) <= 2 * HEARTBEAT_MS / 1000, gaps
    assert len(fake.acks) == len(fake.heartbeats)
    assert len(fake.connections) == connections  # no reconnect for a missed ACK (a "zombie" connection)


def test_survives_reconnect_dropped_connection_and_invalid_session(bot: BotProcess, fake: FakeDiscord) -> None:
    for disrupt in (fake.send_reconnect, fake.drop_connection):
        resumed = len(fake.resumes) + 1
        disrupt()
        question = fake.say(mention(fake, "who attended?"))  # sent while the bot reconnects: replayed on RESUME
        fake.wait_for(lambda resumed=resumed: len(fake.resumes) >= resumed, 30, "a RESUME")
        assert fake.resumes[-1]["session_id"] and fake.resumes[-1]["seq"] > 0
        assert "attended" in fake.reply_to(question["id"]).body["content"]
    identified = len(fake.identifies) + 1
    fake.invalidate_session()
    fake.wait_for(lambda: len(fake.identifies) >= identified, 30, "a new IDENTIFY")
    asked = fake.slash("ask", question="where did they meet?")
    fake.callback(asked.payload["id"])
    assert asked.ack_seconds is not None and asked.ack_seconds <= ACK_DEADLINE_SECONDS
    assert "Woodside" in fake.followup(asked.payload["token"]).body["content"]


def test_logs_hold_no_token_and_no_question_text(bot: BotProcess, fake: FakeDiscord) -> None:
    question = fake.say(mention(fake, "what did they say about zanzibarquux?"))
    fake.reply_to(question["id"])
    fake.wait_for(lambda: "declined" in bot.logs(), 10, "the log line of the declined question")
    logs = bot.logs()
    assert fake.token not in logs and fake.token.split(".")[-1] not in logs
    assert "zanzibarquux" not in logs and "fentanyl?" not in logs
    assert re.search(r"INFO bot\.discord\w*: mention question answered with \d+ source\(s\) in \d+ ms", logs)


def test_sigterm_stops_the_bot_cleanly(bot: BotProcess, fake: FakeDiscord) -> None:
    code, seconds = bot.stop()
    assert code == 0 and seconds <= 10
    fake.wait_for(lambda: fake.connections[-1].ws.closed, 5, "the gateway connection to close")
