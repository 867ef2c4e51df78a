"""The Slack app manifest asks for what the bot uses: its events, scopes, command and interactivity."""

from __future__ import annotations

from pathlib import Path

import pytest

MANIFEST = Path(__file__).resolve().parent.parent / "slack-manifest.yml"


def test_manifest_matches_what_the_bot_handles() -> None:
    yaml = pytest.importorskip("yaml")
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write",
            "reactions:write", "channels:history", "groups:history"} <= scopes
    settings = manifest["settings"]
    assert set(settings["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im"}
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["socket_mode_enabled"] is True
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/ask"]
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True
