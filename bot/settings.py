"""Settings: every knob of summitbot, read once from the environment at the edge (cli.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


class SettingsError(Exception):
    """A setting is missing or malformed; the message names it and the fix."""


def default_seeds() -> Path:
    """The bundled seeds/ folder (the package `summitbot_seeds` in an installed wheel)."""
    from importlib.util import find_spec

    spec = find_spec("summitbot_seeds")
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        raise SettingsError("the bundled seeds/ are missing; reinstall summitbot or set SUMMITBOT_DOCS")
    return Path(locations[0])


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a number; set it to e.g. {default:g}") from None
    if value < 0:
        raise SettingsError(f"{name} must not be negative; set it to e.g. {default:g}")
    return value


@dataclass(frozen=True)
class Settings:
    """summitbot's configuration. Build it with `Settings.from_env(os.environ)`."""

    docs: tuple[Path, ...]
    home: Path
    model: str
    docs_from_env: bool = False  # SUMMITBOT_DOCS was set: it, not the last build's inputs, decides
    discord_token: str = field(default="", repr=False)
    discord_api_base_url: str = "https://discord.com/api/v10"
    discord_gateway_url: str = "wss://gateway.discord.gg"
    discord_guild_id: int | None = None
    slack_bot_token: str = field(default="", repr=False)
    slack_app_token: str = field(default="", repr=False)
    slack_signing_secret: str = field(default="", repr=False)
    slack_api_url: str = "https://slack.com/api/"
    cooldown_seconds: float = 5.0
    allowed_channels: frozenset[str] = frozenset()

    @property
    def index_dir(self) -> Path:
        """Where the index is kept."""
        return self.home / "index"

    @property
    def feedback_db(self) -> Path:
        """The SQLite file of 👍 / 👎 votes."""
        return self.home / "feedback.sqlite3"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Read settings from a mapping such as `os.environ`.

        Args:
            env: variable names to values.

        Returns:
            The settings; defaults fill what is unset.
        """
        docs_raw = env.get("SUMMITBOT_DOCS", "").strip()
        docs = tuple(Path(p).expanduser() for p in docs_raw.split(":") if p.strip()) or (default_seeds(),)
        home = Path(env.get("SUMMITBOT_HOME", "").strip() or "~/.local/share/summitbot").expanduser()
        model = env.get("SUMMITBOT_MODEL", "").strip()
        if not model:
            from index.embed import bundled_model_path

            model = str(bundled_model_path())
        guild_raw = env.get("DISCORD_GUILD_ID", "").strip()
        if guild_raw and not guild_raw.isdigit():
            raise SettingsError(f"DISCORD_GUILD_ID={guild_raw!r} is not a server id; copy the number from Discord")
        channels = frozenset(c.strip() for c in env.get("SUMMITBOT_CHANNELS", "").split(",") if c.strip())
        return cls(
            docs=docs,
            docs_from_env=bool(docs_raw),
            home=home,
            model=model,
            discord_token=env.get("DISCORD_TOKEN", "").strip(),
            discord_api_base_url=env.get("DISCORD_API_BASE_URL", "").strip() or cls.discord_api_base_url,
            discord_gateway_url=env.get("DISCORD_GATEWAY_URL", "").strip() or cls.discord_gateway_url,
            discord_guild_id=int(guild_raw) if guild_raw else None,
            slack_bot_token=env.get("SLACK_BOT_TOKEN", "").strip(),
            slack_app_token=env.get("SLACK_APP_TOKEN", "").strip(),
            slack_signing_secret=env.get("SLACK_SIGNING_SECRET", "").strip(),
            slack_api_url=env.get("SLACK_API_URL", "").strip() or cls.slack_api_url,
            cooldown_seconds=_number(env, "SUMMITBOT_COOLDOWN_SECONDS", cls.cooldown_seconds),
            allowed_channels=channels,
        )

    def require(self, *names: str) -> None:
        """Fail, naming every missing one, unless each named setting is set.

        Args:
            names: environment variable names, e.g. "DISCORD_TOKEN".
        """
        missing = [n for n in names if not getattr(self, n.lower(), "")]
        if missing:
            verb = "is" if len(missing) == 1 else "are"
            raise SettingsError(f"{', '.join(missing)} {verb} not set; add it to .env or the environment")
