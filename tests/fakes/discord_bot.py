"""`summitbot discord` as a user starts it, pointed at the loopback fake; and a home with a ready index."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fakes.discord_fake import FakeDiscord

SUMMITBOT = str(Path(sys.executable).with_name("summitbot"))
START_TIMEOUT_SECONDS = 90


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell, minus chat settings and proxies, offline for the model."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DISCORD_", "SLACK_", "SUMMITBOT_")) and k.lower() not in ("http_proxy", "https_proxy")
    }
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", NO_PROXY="127.0.0.1", PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


def run_summitbot(*args: str, env: dict[str, str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a `summitbot` command to completion."""
    return subprocess.run(
        [SUMMITBOT, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def indexed_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh SUMMITBOT_HOME holding an index of the bundled seeds (built once per test session)."""
    built = tmp_path_factory.getbasetemp() / "discord-built-home"
    if not (built / "index").exists():
        staging = tmp_path_factory.mktemp("discord-staging")
        result = run_summitbot("index", "build", env=clean_env(SUMMITBOT_HOME=str(staging)), cwd=staging, timeout=300)
        assert result.returncode == 0, result.stderr
        shutil.copytree(staging / "index", built / "index")
    home = tmp_path_factory.mktemp("discord-home")
    shutil.copytree(built / "index", home / "index")
    return home


class BotProcess:
    """`summitbot discord` in a subprocess, its output in files.

    Args:
        fake: the fake Discord it talks to.
        home: SUMMITBOT_HOME (also its working directory, so no stray .env is read).
        args: extra command-line arguments (e.g. --verbose).
        env: extra environment variables.
    """

    def __init__(self, fake: FakeDiscord, home: Path, *args: str, **env: str) -> None:
        self.fake = fake
        self.home = home
        self.args = args
        pointed = {
            "SUMMITBOT_HOME": str(home),
            "DISCORD_TOKEN": fake.token,
            "DISCORD_API_BASE_URL": fake.api_base,
            "DISCORD_GATEWAY_URL": fake.gateway_url,
        }
        self.env = clean_env(**{**pointed, **env})
        self.out_path, self.err_path = home / "bot.stdout", home / "bot.stderr"
        self.process: subprocess.Popen[bytes] | None = None
        self.stopping = False

    def start(self) -> BotProcess:
        with open(self.out_path, "wb") as out, open(self.err_path, "wb") as err:
            self.process = subprocess.Popen(
                [SUMMITBOT, *self.args, "discord"], env=self.env, cwd=self.home, stdout=out, stderr=err
            )
        self.fake.watchdog = self.check_alive
        return self

    def check_alive(self) -> None:
        """Fail at once, with its logs, if the bot exited when nobody stopped it."""
        if self.process is not None and not self.stopping and self.process.poll() is not None:
            raise AssertionError(f"summitbot discord exited with {self.process.returncode}:\n{self.logs()}")

    def wait_ready(self) -> None:
        """Wait until the bot identified on the gateway and heartbeats (it synced its commands before)."""

        def connected() -> bool:
            return bool(self.fake.identifies and self.fake.commands and self.fake.heartbeats)

        self.fake.wait_for(connected, START_TIMEOUT_SECONDS, "the bot to connect")

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 10) -> tuple[int, float]:
        """Send a signal; returns the exit code and the seconds it took to exit (fails after `timeout`)."""
        assert self.process is not None
        self.stopping = True
        started = time.monotonic()
        self.process.send_signal(signum)
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"summitbot discord did not exit within {timeout} s:\n{self.logs()}") from None
        return code, time.monotonic() - started

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def logs(self) -> str:
        """Everything it wrote, stdout then stderr."""
        return self.out_path.read_text(errors="replace") + self.err_path.read_text(errors="replace")
