"""Question suggestions drawn from the indexed documents' topics (pure)."""

from __future__ import annotations

from collections.abc import Sequence

STARTERS = (
    "What are the main outcomes?",
    "Who attended the meeting?",
    "Where did they meet?",
)


def suggest_questions(topics: list[str], typed: str, limit: int = 25, names: Sequence[str] = ()) -> list[str]:
    """Suggest questions that contain what has been typed.

    Args:
        topics: the documents' topics, most telling first.
        typed: the text typed so far (may be empty).
        limit: the most to return.
        names: people and places the documents name ("Janet Yellen").

    Returns:
        Up to `limit` distinct questions; what was typed itself comes first when it is a question.
    """
    candidates = [
        *STARTERS,
        *(f"What was said about {topic}?" for topic in topics),
        *(f"What does it say about {name}?" for name in names),
    ]
    needle = typed.strip().lower()
    found = [c for c in candidates if needle in c.lower()] if needle else candidates
    typed_clean = typed.strip()
    if typed_clean and typed_clean not in found:
        found.insert(0, typed_clean[:100])
    return list(dict.fromkeys(found))[:limit]
