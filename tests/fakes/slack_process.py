"""`summitbot slack` started as a user starts it: a subprocess with its own environment and logs."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

SIGNING_SECRET = "fake-signing-secret-0123456789abcdef"


def summitbot_command() -> list[str]:
    """The installed `summitbot` script of this Python, as a user would run it."""
    script = Path(sys.executable).parent / "summitbot"
    found = str(script) if script.exists() else shutil.which("summitbot")
    assert found, "the summitbot command is not installed; pip install -e ."
    return [found]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def bot_env(home: Path, api_url: str, **settings: str) -> dict[str, str]:
    """The environment of a bot process: nothing of the caller's Slack, proxy or summitbot settings."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "SUMMITBOT_", "DISCORD_")) and "proxy" not in k.lower()}
    env.update({"SUMMITBOT_HOME": str(home), "SLACK_API_URL": api_url, "HF_HUB_OFFLINE": "1",
                "TRANSFORMERS_OFFLINE": "1", "PYTHONUNBUFFERED": "1", **settings})
    return env


class BotProcess:
    """A running `summitbot slack ...`, its output kept in files.

    Args:
        args: the arguments after `summitbot`.
        env: its environment.
        workdir: its working directory (holds its logs; no .env there).
    """

    def __init__(self, args: list[str], env: dict[str, str], workdir: Path) -> None:
        self.args = args
        self.workdir = workdir
        self.stdout_path = workdir / "bot.stdout"
        self.stderr_path = workdir / "bot.stderr"
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.process = subprocess.Popen(
                summitbot_command() + args, env=env, cwd=workdir, stdout=out, stderr=err, stdin=subprocess.DEVNULL
            )

    def output(self) -> str:
        """Everything the bot wrote so far, stdout then stderr."""
        return self.stdout_path.read_text(errors="replace") + self.stderr_path.read_text(errors="replace")

    def wait_for_port(self, port: int, timeout: float = 120.0) -> None:
        """Wait until the bot accepts connections on 127.0.0.1:port (the model is loaded by then)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the bot exited with {self.process.returncode}:\n{self.output()[-3000:]}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.1)
        raise AssertionError(f"the bot never listened on {port}:\n{self.output()[-3000:]}")

    def wait(self, timeout: float = 60.0) -> int:
        """Wait for the bot to exit on its own; its exit code."""
        return self.process.wait(timeout)

    def terminate(self, timeout: float = 10.0) -> tuple[int, float]:
        """SIGTERM, then wait: (exit code, seconds it took). Killed if it outlives `timeout`."""
        start = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
            return -9, time.monotonic() - start
        return code, time.monotonic() - start

    def kill(self) -> None:
        """Make sure it is gone (test teardown)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)
