"""`summitbot discord` starting and stopping as a user runs it: configuration errors, the invite link,
stopping during start-up, and --verbose logs that still keep the token out.
"""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes.discord_bot import SUMMITBOT, BotProcess, clean_env, indexed_home, run_summitbot
from fakes.discord_fake import FakeDiscord

from bot.discord_endpoints import PERMISSIONS

pytestmark = pytest.mark.e2e


@pytest.fixture
def fake() -> Iterator[FakeDiscord]:
    server = FakeDiscord().start()
    yield server
    server.stop()


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def test_no_token_exits_2_naming_discord_token(tmp_path: Path) -> None:
    result = run_summitbot("discord", env=clean_env(SUMMITBOT_HOME=str(tmp_path)), cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert "DISCORD_TOKEN" in one_line(result.stderr)


def test_a_rejected_token_exits_2_in_one_line_without_the_token(tmp_path: Path) -> None:
    fake = FakeDiscord(reject_token=True).start()
    try:
        env = clean_env(
            SUMMITBOT_HOME=str(tmp_path),
            DISCORD_TOKEN=fake.token,
            DISCORD_API_BASE_URL=fake.api_base + "/",
            DISCORD_GATEWAY_URL=fake.gateway_url,
        )
        result = run_summitbot("discord", env=env, cwd=tmp_path, timeout=60)
    finally:
        fake.stop()
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert "DISCORD_TOKEN" in line and "rejected" in line
    assert fake.token not in result.stdout + result.stderr
    assert fake.requests_to("GET", "/users/@me")  # it asked the fake (the trailing slash was fine), nobody else


def test_an_unreachable_discord_exits_2_naming_the_setting(tmp_path: Path) -> None:
    env = clean_env(
        SUMMITBOT_HOME=str(tmp_path), DISCORD_TOKEN="x.y.z", DISCORD_API_BASE_URL="http://127.0.0.1:9/api/v10"
    )
    result = run_summitbot("discord", env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert "DISCORD_API_BASE_URL" in one_line(result.stderr)


def test_a_gateway_url_that_is_not_a_websocket_exits_2(tmp_path: Path) -> None:
    env = clean_env(SUMMITBOT_HOME=str(tmp_path), DISCORD_TOKEN="x.y.z", DISCORD_GATEWAY_URL="http://127.0.0.1:9")
    result = run_summitbot("discord", env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 2
    assert "DISCORD_GATEWAY_URL" in one_line(result.stderr)


def test_invite_url_has_the_scopes_and_permissions_it_needs(tmp_path: Path) -> None:
    env = clean_env(SUMMITBOT_HOME=str(tmp_path))
    given = run_summitbot("discord", "--invite-url", "--client-id", "123456789012345678", env=env, cwd=tmp_path)
    assert given.returncode == 0, given.stderr
    url = given.stdout.strip()
    assert url.startswith("https://discord.com/oauth2/authorize?")
    assert "client_id=123456789012345678" in url and "scope=bot+applications.commands&" in url + "&"
    assert f"permissions={PERMISSIONS.value}" in url and PERMISSIONS.value == 274877991936
    from_env = run_summitbot("discord", "--invite-url", env={**env, "DISCORD_CLIENT_ID": "42"}, cwd=tmp_path)
    assert "client_id=42&" in from_env.stdout
    fake = FakeDiscord()
    from_token = run_summitbot("discord", "--invite-url", env={**env, "DISCORD_TOKEN": fake.token}, cwd=tmp_path)
    assert f"client_id={fake.app_id}&" in from_token.stdout
    neither = run_summitbot("discord", "--invite-url", env=env, cwd=tmp_path)
    assert neither.returncode == 2 and "--client-id" in one_line(neither.stderr)


@pytest.mark.model
def test_stopping_while_the_model_loads_exits_0_at_once(
    fake: FakeDiscord, tmp_path_factory: pytest.TempPathFactory
) -> None:
    bot = BotProcess(fake, indexed_home(tmp_path_factory)).start()
    try:
        fake.wait_for(lambda: fake.requests_to("GET", "/oauth2/applications/@me"), 60, "the login")
        code, seconds = bot.stop(signal.SIGTERM)
    finally:
        bot.kill()
    assert code == 0 and seconds <= 10, bot.logs()
    assert not fake.identifies


@pytest.mark.model
def test_verbose_logs_keep_the_token_out_and_ctrl_c_exits_0(
    fake: FakeDiscord, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Only REST is proxied here: the bot finds the gateway with GET /gateway/bot.
    bot = BotProcess(fake, indexed_home(tmp_path_factory), "--verbose", DISCORD_GATEWAY_URL="").start()
    try:
        bot.wait_ready()
        assert fake.requests_to("GET", "/gateway/bot")
        question = fake.say(f"<@{fake.app_id}> who attended?")
        assert "attended" in fake.reply_to(question["id"]).body["content"]
        asked = fake.slash("ask", question="where did they meet?")
        fake.followup(asked.payload["token"])
        code, seconds = bot.stop(signal.SIGINT)
    finally:
        bot.kill()
    logs = bot.logs()
    assert code == 0 and seconds <= 10, logs
    assert "DEBUG" in logs and "commands globally" in logs
    assert fake.token not in logs and fake.token.split(".")[-1] not in logs


def test_the_command_is_listed_with_its_options() -> None:
    result = subprocess.run([SUMMITBOT, "discord", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "--invite-url" in result.stdout and "--client-id" in result.stdout
