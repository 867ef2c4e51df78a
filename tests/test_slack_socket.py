"""`summitbot slack` (Socket Mode) end to end: envelopes over a loopback websocket, acks checked.

One bot process (real model) for the module, limited to the channel CALLOWED by SUMMITBOT_CHANNELS.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fakes.slack_api import Call, FakeSlack
from fakes.slack_payloads import (
    button_press,
    buttons,
    direct_message,
    envelope,
    event_callback,
    mention,
    slash_command,
)
from fakes.slack_process import BotProcess, bot_env

pytestmark = [pytest.mark.e2e, pytest.mark.model]

ACK_DEADLINE_SECONDS = 3.0


@dataclass
class Running:
    slack: FakeSlack
    bot: BotProcess

    def send(self, kind: str, payload: dict[str, object], **retry: object) -> tuple[str, float]:
        """Send an envelope; (its id, seconds until the bot acknowledged it)."""
        message = envelope(kind, payload, **retry)  # type: ignore[arg-type]
        sent = self.slack.send_envelope(message)
        acked_at, _ack = self.slack.wait_for_ack(message["envelope_id"])
        return message["envelope_id"], acked_at - sent


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    slack = FakeSlack().start()
    workdir = tmp_path_factory.mktemp("slack-socket")
    env = bot_env(workdir / "home", slack.api_url, SLACK_BOT_TOKEN=slack.bot_token, SLACK_APP_TOKEN=slack.app_token,
                  SUMMITBOT_CHANNELS="CALLOWED,CALLOWED2")
    bot = BotProcess(["slack"], env, workdir)
    try:
        slack.wait_for_connections(1, timeout=120)
        yield Running(slack, bot)
    finally:
        bot.kill()
        slack.stop()


def sections(call: Call) -> str:
    return " ".join(b["text"]["text"] for b in call.body.get("blocks", []) if b["type"] == "section")


def test_connects_with_the_app_token(running: Running) -> None:
    opened = running.slack.calls_to("apps.connections.open")
    assert opened and all(c.authorization == f"Bearer {running.slack.app_token}" for c in opened)
    assert running.slack.calls_to("auth.test")[0].authorization == f"Bearer {running.slack.bot_token}"


def test_mention_is_acked_over_the_socket_and_answered_in_thread(running: Running) -> None:
    event = mention("what was agreed on fentanyl?", channel="CALLOWED", user="USOCK1")
    _id, seconds = running.send("events_api", event_callback(event))
    assert seconds < ACK_DEADLINE_SECONDS
    [post] = running.slack.wait_for(running.slack.posts_in("CALLOWED"))
    assert post.body["thread_ts"] == event["ts"]
    assert "fentanyl" in sections(post).lower()


def test_slash_command_is_acked_over_the_socket_then_answered_privately(running: Running) -> None:
    url = running.slack.response_url("sock-ask")
    _id, seconds = running.send("slash_commands", slash_command("who attended?", channel="CALLOWED2",
                                                                user="USOCK2", response_url=url))
    assert seconds < ACK_DEADLINE_SECONDS
    [answer] = running.slack.wait_for(lambda calls: [c for c in calls if c.method == "response_url:sock-ask"])
    assert answer.body["response_type"] == "ephemeral"
    press = button_press(buttons(answer.body)["share_answer"], channel="CALLOWED2", user="USOCK2",
                         response_url=running.slack.response_url("sock-share"), ephemeral=True)
    _id, seconds = running.send("interactive", press)
    assert seconds < ACK_DEADLINE_SECONDS
    [shared] = running.slack.wait_for(lambda calls: [c for c in calls if c.method == "response_url:sock-share"])
    assert shared.body["response_type"] == "in_channel"


def test_a_redelivered_envelope_is_acked_and_answered_once(running: Running) -> None:
    body = event_callback(direct_message("who attended?", channel="DSOCK3", user="USOCK3"))
    running.send("events_api", body)
    _id, seconds = running.send("events_api", body, retry_attempt=1, retry_reason="timeout")
    assert seconds < ACK_DEADLINE_SECONDS
    running.slack.wait_for(running.slack.posts_in("DSOCK3"))
    running.send("events_api", event_callback(direct_message("who attended?", channel="DSOCK4", user="USOCK4")))
    running.slack.wait_for(running.slack.posts_in("DSOCK4"))
    assert len(running.slack.posts_in("DSOCK3")(running.slack.calls)) == 1


def test_channels_outside_the_allow_list_get_a_note_not_an_answer(running: Running) -> None:
    running.send("events_api", event_callback(mention("who attended?", channel="COTHER", user="USOCK5")))
    [note] = running.slack.wait_for(running.slack.posts_in("COTHER", "chat.postEphemeral"))
    assert note.body["user"] == "USOCK5" and "channels" in note.body["text"]
    assert not running.slack.posts_in("COTHER")(running.slack.calls)


def test_reconnects_when_slack_asks_for_a_refresh(running: Running) -> None:
    before = running.slack.socket_connections
    running.slack.send_envelope({"type": "disconnect", "reason": "refresh_requested",
                                 "debug_info": {"host": "fake"}})
    running.slack.wait_for_connections(before + 1)
    _id, seconds = running.send("events_api", event_callback(mention("who attended?", channel="CALLOWED",
                                                                     user="USOCK6")))
    assert seconds < ACK_DEADLINE_SECONDS
    running.slack.wait_for(running.slack.posts_in("CALLOWED"), count=2)


def test_sigterm_stops_cleanly_without_leaking_tokens(running: Running) -> None:
    code, seconds = running.bot.terminate(timeout=10)
    assert code == 0 and seconds < 10
    logs = running.bot.output()
    assert running.slack.bot_token not in logs and running.slack.app_token not in logs
    assert "who attended" not in logs and "fentanyl" not in logs
