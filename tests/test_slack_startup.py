"""`summitbot slack` refuses to start without working settings: exit 2 and one line naming the fix."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fakes.slack_api import FakeSlack
from fakes.slack_process import SIGNING_SECRET, BotProcess, bot_env

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def run(args: list[str], env: dict[str, str], workdir: Path) -> tuple[int, str, str]:
    bot = BotProcess(args, env, workdir)
    try:
        code = bot.wait(60)
    finally:
        bot.kill()
    return code, bot.stdout_path.read_text(), bot.stderr_path.read_text()


def test_http_mode_without_settings_names_each_missing_variable(tmp_path: Path) -> None:
    code, _out, err = run(["slack", "--http"], bot_env(tmp_path, "http://127.0.0.1:9/api/"), tmp_path)
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert "SLACK_BOT_TOKEN" in err and "SLACK_SIGNING_SECRET" in err
    assert "SLACK_APP_TOKEN" not in err


def test_socket_mode_without_app_token_names_it(tmp_path: Path) -> None:
    env = bot_env(tmp_path, "http://127.0.0.1:9/api/", SLACK_BOT_TOKEN="xoxb-something")
    code, _out, err = run(["slack"], env, tmp_path)
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert "SLACK_APP_TOKEN" in err and "SLACK_BOT_TOKEN" not in err


def test_socket_mode_without_any_token_names_both(tmp_path: Path) -> None:
    code, _out, err = run(["slack"], bot_env(tmp_path, "http://127.0.0.1:9/api/"), tmp_path)
    assert code == 2
    assert "SLACK_BOT_TOKEN" in err and "SLACK_APP_TOKEN" in err


def test_rejected_bot_token_exits_2_with_one_line(slack: FakeSlack, tmp_path: Path) -> None:
    wrong = "xoxb-wrong-token-000000"
    env = bot_env(tmp_path, slack.api_url, SLACK_BOT_TOKEN=wrong, SLACK_SIGNING_SECRET=SIGNING_SECRET)
    code, out, err = run(["slack", "--http", "--port", "1", "--host", "127.0.0.1"], env, tmp_path)
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert "SLACK_BOT_TOKEN" in err and "invalid_auth" in err
    assert wrong not in out + err and SIGNING_SECRET not in out + err
    assert [c.authorization for c in slack.calls_to("auth.test")][-1] == f"Bearer {wrong}"


def test_rejected_app_token_exits_2_naming_it(slack: FakeSlack, tmp_path: Path) -> None:
    wrong = "xapp-wrong-token-000000"
    env = bot_env(tmp_path, slack.api_url.rstrip("/"), SLACK_BOT_TOKEN=slack.bot_token, SLACK_APP_TOKEN=wrong)
    code, out, err = run(["slack"], env, tmp_path)
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert "SLACK_APP_TOKEN" in err
    assert wrong not in out + err and slack.bot_token not in out + err


def test_unreachable_slack_is_a_configuration_error(tmp_path: Path) -> None:
    from fakes.slack_process import free_port

    env = bot_env(tmp_path, f"http://127.0.0.1:{free_port()}/api", SLACK_BOT_TOKEN="xoxb-x", SLACK_SIGNING_SECRET="s")
    code, _out, err = run(["slack", "--http"], env, tmp_path)
    assert code == 2
    assert "SLACK_API_URL" in err


def test_port_without_http_is_a_usage_error(tmp_path: Path) -> None:
    env = bot_env(tmp_path, "http://127.0.0.1:9/api/", SLACK_BOT_TOKEN="xoxb-x", SLACK_APP_TOKEN="xapp-x")
    code, _out, err = run(["slack", "--port", "3001"], env, tmp_path)
    assert code == 2
    assert "--http" in err
