"""`summitbot slack --http` end to end: signed deliveries into the real bot, a loopback Slack Web API.

One bot process (real model) serves the whole module; each test uses its own channels and users so
the per-user cooldown and the answers of one test never meet another's.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fakes.slack_api import BOT_ID, BOT_USER_ID, Call, FakeSlack
from fakes.slack_payloads import (
    assert_within_block_kit_limits,
    Delivery,
    block_texts,
    button_press,
    buttons,
    deliver,
    direct_message,
    event_callback,
    mention,
    new_ts,
    slash_command,
)
from fakes.slack_process import SIGNING_SECRET, BotProcess, bot_env, free_port, summitbot_command

pytestmark = [pytest.mark.e2e, pytest.mark.model]

ACK_DEADLINE_SECONDS = 3.0  # Slack's, for every event, command and action


@dataclass
class Running:
    slack: FakeSlack
    bot: BotProcess
    url: str
    env: dict[str, str]
    workdir: Path

    def send(self, **kwargs: Any) -> Delivery:
        return deliver(self.url, SIGNING_SECRET, **kwargs)

    def mention(self, text: str, channel: str, user: str, **kwargs: Any) -> tuple[Delivery, dict[str, Any]]:
        event = mention(text, channel=channel, user=user, **kwargs)
        return self.send(event=event_callback(event)), event


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    slack = FakeSlack().start()
    workdir = tmp_path_factory.mktemp("slack-http")
    port = free_port()
    env = bot_env(workdir / "home", slack.api_url, SLACK_BOT_TOKEN=slack.bot_token,
                  SLACK_SIGNING_SECRET=SIGNING_SECRET)
    bot = BotProcess(["slack", "--http", "--port", str(port), "--host", "127.0.0.1"], env, workdir)
    try:
        bot.wait_for_port(port)
        yield Running(slack, bot, f"http://127.0.0.1:{port}/slack/events", env, workdir)
    finally:
        bot.kill()
        slack.stop()


def answers_in(slack: FakeSlack, channel: str, count: int = 1) -> list[Call]:
    return slack.wait_for(slack.posts_in(channel), count)


def section_text(call: Call) -> str:
    return " ".join(b["text"]["text"] for b in call.body["blocks"] if b["type"] == "section")


def test_url_verification_challenge_is_answered(running: Running) -> None:
    reply = running.send(event={"token": "legacy", "challenge": "3eZbrw1aBm2rZgRNFdxV", "type": "url_verification"})
    assert reply.status == 200
    assert json.loads(reply.body) == {"challenge": "3eZbrw1aBm2rZgRNFdxV"}


def test_mention_is_answered_in_its_thread(running: Running) -> None:
    reply, event = running.mention("what was agreed on fentanyl?", "CMENTION1", "UMENTION1")
    assert reply.status == 200 and reply.seconds < ACK_DEADLINE_SECONDS
    [post] = answers_in(running.slack, "CMENTION1")
    assert post.body["thread_ts"] == event["ts"]
    assert post.authorization == f"Bearer {running.slack.bot_token}"
    assert "fentanyl" in section_text(post).lower()
    assert "fentanyl" in post.body["text"].lower()
    assert any("paragraph" in t and ".txt" in t for t in block_texts(post.body)), "sources name paragraph and file"
    assert set(buttons(post.body)) == {"feedback_up", "feedback_down"}
    reactions = [c for c in running.slack.calls if c.method.startswith("reactions.")
                 and c.body.get("channel") == "CMENTION1"]
    assert [c.method for c in reactions][:1] == ["reactions.add"]
    running.slack.wait_for(lambda calls: [c for c in calls if c.method == "reactions.remove"
                                          and c.body.get("channel") == "CMENTION1"])


def test_mention_in_a_thread_is_a_follow_up(running: Running) -> None:
    parent = new_ts()
    running.slack.threads[("CTHREAD1", parent)] = [
        {"type": "message", "user": "UTHREAD1", "text": f"<@{BOT_USER_ID}> what was agreed on fentanyl?",
         "ts": parent, "thread_ts": parent},
        {"type": "message", "bot_id": BOT_ID, "user": BOT_USER_ID, "text": "The answer about fentanyl",
         "ts": new_ts(), "thread_ts": parent},
    ]
    reply, _event = running.mention("and what about that?", "CTHREAD1", "UTHREAD1", thread_ts=parent)
    assert reply.status == 200
    [post] = answers_in(running.slack, "CTHREAD1")
    assert post.body["thread_ts"] == parent
    [replies] = running.slack.calls_to("conversations.replies")
    assert (replies.body["channel"], replies.body["ts"]) == ("CTHREAD1", parent)
    assert "*Sources*" in block_texts(post.body), "answered (not declined): the earlier question completes it"
    assert "fentanyl" in section_text(post).lower()


def test_slash_command_is_acknowledged_then_answered_privately_and_can_be_shared(running: Running) -> None:
    response_url = running.slack.response_url("ask1")
    form = slash_command("what was agreed on fentanyl?", channel="CASK1", user="UASK1", response_url=response_url)
    reply = running.send(form=form)
    assert reply.status == 200 and reply.seconds < ACK_DEADLINE_SECONDS
    [answer] = running.slack.wait_for(lambda calls: [c for c in calls if c.method == "response_url:ask1"])
    assert answer.body["response_type"] == "ephemeral"
    assert "fentanyl" in section_text(answer).lower()
    share = buttons(answer.body)["share_answer"]
    assert len(share["value"]) <= 2000

    press = button_press(share, channel="CASK1", user="UASK1", response_url=running.slack.response_url("share1"),
                         ephemeral=True)
    reply = running.send(payload=press)
    assert reply.status == 200 and reply.seconds < ACK_DEADLINE_SECONDS

    def public(calls: list[Call]) -> list[Call]:
        return [c for c in calls if (c.method == "response_url:share1" and c.body.get("response_type") == "in_channel")
                or (c.method == "chat.postMessage" and c.body.get("channel") == "CASK1")]

    [shared] = running.slack.wait_for(public)
    assert "fentanyl" in section_text(shared).lower()
    assert "share_answer" not in buttons(shared.body)


def test_forged_and_stale_signatures_are_rejected_without_side_effects(running: Running) -> None:
    before = len(running.slack.calls)
    forged_event = event_callback(mention("forged question", channel="CFORGED", user="UFORGED"))
    forged = running.send(event=forged_event, signature="v0=" + "0" * 64)
    stale_event = event_callback(mention("stale question", channel="CSTALE", user="USTALE"))
    stale = running.send(event=stale_event, timestamp=int(time.time()) - 6 * 60)
    wrong_secret = deliver(running.url, "not-the-secret", event=event_callback(
        mention("wrong secret", channel="CFORGED", user="UFORGED")))
    command = running.send(form=slash_command("forged", channel="CFORGED", user="UFORGED",
                                              response_url=running.slack.response_url("forged")),
                           signature="v0=" + "1" * 64)
    assert [forged.status, stale.status, wrong_secret.status, command.status] == [401, 401, 401, 401]
    # A genuine event sent after them is answered; by then nothing was done for the forgeries.
    running.mention("who attended?", "CAFTERFORGED", "UAFTERFORGED")
    answers_in(running.slack, "CAFTERFORGED")
    running.slack.wait_for(lambda calls: [c for c in calls if c.method == "reactions.remove"
                                          and c.body.get("channel") == "CAFTERFORGED"])
    later = running.slack.calls[before:]
    assert all(c.body.get("channel") == "CAFTERFORGED" for c in later), [c.method for c in later]
    assert not any(c.method == "response_url:forged" for c in running.slack.calls)


def test_a_retried_event_is_answered_once(running: Running) -> None:
    event = event_callback(mention("who attended?", channel="CRETRY1", user="URETRY1"))
    first = running.send(event=event)
    retry = running.send(event=event, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert first.status == retry.status == 200
    assert retry.seconds < ACK_DEADLINE_SECONDS
    answers_in(running.slack, "CRETRY1")
    late = running.send(event=event, headers={"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_timeout"})
    assert late.status == 200
    running.mention("who attended?", "CRETRY2", "URETRY2")  # answered after any second answer would be
    answers_in(running.slack, "CRETRY2")
    assert len(running.slack.calls_to("chat.postMessage")) >= 2
    assert len([c for c in running.slack.calls_to("chat.postMessage") if c.body["channel"] == "CRETRY1"]) == 1


def test_mentions_in_a_question_never_ping(running: Running) -> None:
    text = "<!channel> <!here> <!everyone> <@U0BOSS> <!subteam^S0TEAM|@team> AT&amp;T what was agreed on fentanyl?"
    running.mention(text, "CPING1", "UPING1")
    response_url = running.slack.response_url("ping")
    running.send(form=slash_command(text, channel="CPING2", user="UPING2", response_url=response_url))
    posted = answers_in(running.slack, "CPING1")[0].dump()
    private = running.slack.wait_for(lambda calls: [c for c in calls if c.method == "response_url:ping"])[0].dump()
    for said in (posted, private):
        assert "&lt;!channel&gt;" in said and "&lt;!here&gt;" in said and "&lt;!everyone&gt;" in said
        assert "&lt;@U0BOSS&gt;" in said and "&lt;!subteam^S0TEAM|@team&gt;" in said
        for token in ("<!channel>", "<!here>", "<!everyone>", "<@U0BOSS>", "<!subteam"):
            assert token not in said
        assert "AT&amp;T" in said and "&amp;amp;" not in said


def test_a_huge_question_stays_within_block_kit_limits(running: Running) -> None:
    huge = ("what was agreed on fentanyl & <b> " * 400)[:10_000]
    running.mention(huge, "CHUGE1", "UHUGE1")
    running.send(form=slash_command(huge, channel="CHUGE2", user="UHUGE2",
                                    response_url=running.slack.response_url("huge")))
    running.mention("summarize the meeting in full", "CHUGE3", "UHUGE3")
    for body in (answers_in(running.slack, "CHUGE1")[0].body, answers_in(running.slack, "CHUGE3")[0].body,
                 running.slack.wait_for(lambda calls: [c for c in calls if c.method == "response_url:huge"])[0].body):
        assert_within_block_kit_limits(body)


def test_a_burst_of_twenty_events_is_acknowledged_in_time_and_all_answered(running: Running) -> None:
    events = [event_callback(mention("what was agreed on fentanyl?", channel=f"CBURST{i:02d}", user=f"UBURST{i:02d}"))
              for i in range(20)]
    with ThreadPoolExecutor(max_workers=20) as pool:
        replies = list(pool.map(lambda e: running.send(event=e), events))
    assert all(r.status == 200 for r in replies)
    assert max(r.seconds for r in replies) < ACK_DEADLINE_SECONDS
    for i in range(20):
        answers_in(running.slack, f"CBURST{i:02d}")


def test_direct_messages_are_answered_and_bot_or_edited_messages_ignored(running: Running) -> None:
    ignored = [
        direct_message("who attended?", channel="DIGNORE1", user="UDM0", bot_id="B0OTHER", subtype="bot_message"),
        direct_message("who attended?", channel="DIGNORE1", user=BOT_USER_ID),
        direct_message("who attended?", channel="DIGNORE1", user="UDM0", subtype="message_changed"),
    ]
    for event in ignored:
        assert running.send(event=event_callback(event)).status == 200
    dm = direct_message(f"<@{BOT_USER_ID}> what was agreed on fentanyl?", channel="DDM1", user="UDM1")
    as_mention = dict(dm, type="app_mention")
    assert running.send(event=event_callback(dm)).status == 200
    assert running.send(event=event_callback(as_mention)).status == 200  # the same DM, also as app_mention
    [post] = answers_in(running.slack, "DDM1")
    assert "fentanyl" in section_text(post).lower()
    running.send(event=event_callback(direct_message("who attended?", channel="DDM2", user="UDM2")))
    answers_in(running.slack, "DDM2")  # sent after the others, so they would have been answered by now
    assert not running.slack.posts_in("DIGNORE1")(running.slack.calls)
    assert len(running.slack.posts_in("DDM1")(running.slack.calls)) == 1


def test_votes_are_stored_and_shown_by_summitbot_feedback(running: Running) -> None:
    running.mention("who attended?", "CVOTE1", "UVOTE1")
    [post] = answers_in(running.slack, "CVOTE1")
    press = button_press(buttons(post.body)["feedback_down"], channel="CVOTE1", user="UVOTER",
                         response_url=running.slack.response_url("vote1"))
    reply = running.send(payload=press)
    assert reply.status == 200 and reply.seconds < ACK_DEADLINE_SECONDS
    [thanks] = running.slack.wait_for(lambda calls: [c for c in calls if c.method == "response_url:vote1"])
    assert thanks.body["response_type"] == "ephemeral" and thanks.body.get("replace_original") is False
    assert "Thanks" in thanks.body["text"]
    shown = subprocess.run(summitbot_command() + ["feedback"], check=False, env=running.env, cwd=running.workdir,
                           capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert "👎 1" in shown.stdout and "who attended?" in shown.stdout


def test_asking_too_fast_gets_a_polite_note(running: Running) -> None:
    running.mention("who attended?", "CFAST1", "UFAST1")
    running.mention("what was agreed on fentanyl?", "CFAST1", "UFAST1")
    [note] = running.slack.wait_for(running.slack.posts_in("CFAST1", "chat.postEphemeral"))
    assert note.body["user"] == "UFAST1" and "wait" in note.body["text"]
    assert len(answers_in(running.slack, "CFAST1")) == 1


def test_an_error_while_answering_is_apologised_for_and_the_bot_keeps_serving(running: Running) -> None:
    running.slack.failing_blocks_channels.add("CBROKEN1")
    running.mention("who attended?", "CBROKEN1", "UBROKEN1")
    posts = running.slack.wait_for(lambda calls: [c for c in running.slack.posts_in("CBROKEN1")(calls)
                                                  if not c.body.get("blocks")])
    assert posts[0].body["text"].startswith("Sorry, something went wrong")
    running.mention("who attended?", "CBROKEN2", "UBROKEN2")
    answers_in(running.slack, "CBROKEN2")


def test_events_the_bot_does_not_use_are_acknowledged(running: Running) -> None:
    reaction = {"type": "reaction_added", "user": "UREACT", "reaction": "thumbsup",
                "item": {"type": "message", "channel": "CREACT", "ts": new_ts()}, "event_ts": new_ts()}
    assert running.send(event=event_callback(reaction)).status == 200
    unknown_button = {"action_id": "something_else", "value": "x", "text": {"type": "plain_text", "text": "x"}}
    press = button_press(unknown_button, channel="CREACT", user="UREACT", response_url=running.slack.response_url("u"))
    assert running.send(payload=press).status == 200


def test_sigterm_stops_cleanly_and_logs_hold_no_secrets_or_questions(running: Running) -> None:
    code, seconds = running.bot.terminate(timeout=10)
    assert code == 0 and seconds < 10
    logs = running.bot.output()
    for secret in (running.slack.bot_token, SIGNING_SECRET):
        assert secret not in logs
    for question in ("what was agreed on fentanyl", "who attended", "forged question", "and what about that"):
        assert question not in logs
    assert logs.count("answered a mention") >= 20, logs[-2000:]
    assert "Traceback" in logs  # the failed answer of the error test, logged in full
