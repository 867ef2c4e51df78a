from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, default_seeds


def test_defaults() -> None:
    settings = Settings.from_env({})
    assert settings.docs == (default_seeds(),)
    assert (default_seeds() / "biden-xi-summit-2023.txt").is_file()
    assert not settings.docs_from_env
    assert settings.home == Path("~/.local/share/summitbot").expanduser()
    assert Path(settings.model).is_dir()
    assert settings.discord_api_base_url == "https://discord.com/api/v10"
    assert settings.slack_api_url == "https://slack.com/api/"


def test_values_from_the_environment() -> None:
    settings = Settings.from_env(
        {
            "SUMMITBOT_DOCS": "/a:/b/c.md",
            "SUMMITBOT_HOME": "/tmp/x",
            "SUMMITBOT_MODEL": "some-model",
            "DISCORD_GUILD_ID": "123",
            "SUMMITBOT_CHANNELS": "C1, C2",
            "SUMMITBOT_COOLDOWN_SECONDS": "2.5",
        }
    )
    assert settings.docs == (Path("/a"), Path("/b/c.md")) and settings.docs_from_env
    assert settings.index_dir == Path("/tmp/x/index")
    assert settings.model == "some-model"
    assert settings.discord_guild_id == 123
    assert settings.allowed_channels == {"C1", "C2"}
    assert settings.cooldown_seconds == 2.5


def test_bad_numbers_name_the_setting() -> None:
    with pytest.raises(SettingsError, match="SUMMITBOT_COOLDOWN_SECONDS"):
        Settings.from_env({"SUMMITBOT_COOLDOWN_SECONDS": "soon"})
    with pytest.raises(SettingsError, match="DISCORD_GUILD_ID"):
        Settings.from_env({"DISCORD_GUILD_ID": "my server"})


def test_require_names_every_missing_setting() -> None:
    settings = Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-1"})
    settings.require("SLACK_BOT_TOKEN")
    with pytest.raises(SettingsError, match="SLACK_APP_TOKEN, SLACK_SIGNING_SECRET are not set"):
        settings.require("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


def test_secrets_stay_out_of_repr() -> None:
    settings = Settings.from_env({"DISCORD_TOKEN": "sekrit-token", "SLACK_SIGNING_SECRET": "sekrit2"})
    assert "sekrit" not in repr(settings)
