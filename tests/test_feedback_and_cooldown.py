from pathlib import Path

from bot.cooldown import Cooldown
from bot.feedback import FeedbackStore, hash_user
from bot.suggest import suggest_questions


def test_votes_are_tallied_and_worst_questions_listed(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite3")
    store.record("discord", "q1", "a1", 1, "u1")
    store.record("discord", "q1", "a1", 1, "u2")
    store.record("slack", "q2", "a2", -1, "u1")
    store.record("slack", "q2", "a2", -1, "u2")
    store.record("slack", "q3", "a3", -1, "u1")
    store.record("slack", "q3", "a3", 1, "u1")  # a changed mind replaces the vote
    tally = store.tally()
    assert (tally.up, tally.down) == (3, 2)
    assert [(w.question, w.up, w.down) for w in tally.worst] == [("q2", 0, 2)]


def test_user_ids_are_stored_hashed(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite3")
    store.record("slack", "q", "a", 1, "U0SECRETID")
    assert b"U0SECRETID" not in (tmp_path / "f.sqlite3").read_bytes()
    assert hash_user("slack", "U1") != hash_user("discord", "U1")


def test_cooldown_per_user() -> None:
    now = [100.0]
    cooldown = Cooldown(5, clock=lambda: now[0])
    assert cooldown.wait_seconds("a") == 0
    assert cooldown.wait_seconds("b") == 0
    now[0] += 2
    assert cooldown.wait_seconds("a") == 3
    now[0] += 3
    assert cooldown.wait_seconds("a") == 0
    assert Cooldown(0).wait_seconds("a") == 0 and Cooldown(0).wait_seconds("a") == 0


def test_suggestions_fit_discord_limits() -> None:
    topics = [f"topic {i}" for i in range(40)]
    assert len(suggest_questions(topics, "", 25)) == 25
    found = suggest_questions(["fentanyl", "ai"], "fent")
    assert found[0] == "fent" and "What was said about fentanyl?" in found
    assert all(len(s) <= 100 for s in suggest_questions([], "x" * 300))
