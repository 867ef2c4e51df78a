"""Block Kit rendering, escaping, button values and event de-duplication: fast, no network, no model."""

from __future__ import annotations

import json
import logging

from bot.answer import Answer, Citation
from bot.commands.slack import SecretRedactor
from bot.slack_blocks import (
    answer_blocks,
    button_value,
    clip,
    escape,
    fallback_text,
    read_button_value,
    split_escaped,
    unescape,
)
from bot.slack_dedupe import SeenKeys

from fakes.slack_payloads import assert_within_block_kit_limits


def make_answer(text: str, quotes: int = 3, quote_chars: int = 200, answered: bool = True) -> Answer:
    citations = tuple(Citation(f"doc{i}.txt", f"Title {i}", i, ("Q & <quote> " * quote_chars)[:quote_chars], 0.5)
                      for i in range(quotes))
    return Answer("q", answered, text, citations)


def all_texts(blocks: list[dict[str, object]]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def test_escape_neutralises_every_kind_of_ping() -> None:
    for token in ("<!channel>", "<!here>", "<!everyone>", "<@U123>", "<!subteam^S123>", "<#C123>"):
        assert "<" not in escape(token) and ">" not in escape(token)
    assert escape("a & b") == "a &amp; b"
    assert unescape(escape("<!channel> & <@U1>")) == "<!channel> & <@U1>"


def test_clip_never_cuts_inside_an_escape() -> None:
    text = "&" * 5000
    for limit in range(1, 40):
        clipped = clip(text, limit)
        assert len(clipped) <= limit
        assert clipped.replace("&amp;", "").rstrip("…") == ""


def test_split_keeps_words_whole_and_each_piece_within_the_limit() -> None:
    text = " ".join(["word<&>"] * 3000)
    pieces = split_escaped(text, 3000, 4)
    assert len(pieces) == 4
    assert all(len(p) <= 3000 for p in pieces)
    assert all(not p.startswith(" ") and "&amp" in p for p in pieces)
    assert pieces[-1].endswith("…")


def test_huge_question_and_answer_stay_within_block_kit_limits() -> None:
    question = "<!channel> " + "why & how " * 1000
    answer = make_answer("A long answer & <b>more</b>. " * 2000, quotes=12, quote_chars=5000)
    blocks = answer_blocks(answer, question, button_value("k", question), shareable=True)
    assert_within_block_kit_limits({"blocks": blocks, "text": fallback_text(answer)})
    assert "<!channel>" not in all_texts(blocks) and "&lt;!channel&gt;" in all_texts(blocks)
    assert "<b>" not in all_texts(blocks)
    assert len(fallback_text(answer)) <= 40_000


def test_sources_show_quote_paragraph_and_file() -> None:
    blocks = answer_blocks(make_answer("Yes.", quotes=1), "q?", button_value("k", "q?"), shareable=False)
    context = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]
    assert any("Q &amp; &lt;quote&gt;" in t and "paragraph 0" in t and "doc0.txt" in t for t in context)
    action_ids = [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert action_ids == ["feedback_up", "feedback_down"]


def test_declined_answers_label_their_passages_as_nearest() -> None:
    blocks = answer_blocks(make_answer("It doesn't say.", answered=False), "q?", "v", shareable=True)
    assert "Nearest passages" in all_texts(blocks) and "*Sources*" not in all_texts(blocks)
    assert any(e["action_id"] == "share_answer" for b in blocks if b["type"] == "actions" for e in b["elements"])


def test_button_value_round_trips_and_fits() -> None:
    question = "what about <!here> & “AI”? " * 200
    value = button_value("abc123", question)
    assert len(value) <= 2000 and "<!here>" not in value
    key, kept = read_button_value(value)
    assert key == "abc123" and question.startswith(kept) and len(kept) > 100
    assert read_button_value("not json") == ("", "")
    assert read_button_value("[1]") == ("", "")


def test_seen_keys_forget_after_the_ttl_and_stay_bounded() -> None:
    now = [0.0]
    seen = SeenKeys(ttl_seconds=10, max_keys=3, clock=lambda: now[0])
    assert seen.first_time("a") and not seen.first_time("a")
    now[0] = 11
    assert seen.first_time("a")
    for key in "bcdef":
        seen.first_time(key)
    assert len(seen._seen) <= 3


def test_secrets_are_redacted_from_log_records() -> None:
    redactor = SecretRedactor(["xoxb-secret-token", "short"])
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "token %s used", ("xoxb-secret-token",), None)
    assert redactor.filter(record)
    assert record.getMessage() == "token [redacted] used"
