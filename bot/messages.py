"""Every sentence summitbot says to a person, in one place. Each error names its fix."""

from __future__ import annotations

EMPTY_QUESTION = "Ask me something about the meeting, e.g. “what was agreed on fentanyl?”"
GREETING = "Hi! Ask me about the meeting, e.g. “what was agreed on fentanyl?” or “who attended?”"
NOT_COVERED_TERMS = "The {noun} doesn't mention {terms}."
NOT_COVERED = "The {noun} doesn't say."
COVERS = "It covers: {topics}."
SUMMARY_LEAD = "In short: "

EMPTY_QUESTION_CLI = "the question is empty; ask one, e.g. summitbot ask \"what was agreed on fentanyl?\""
BUILDING_INDEX = "Building the index ({reason})…"
INDEX_BUILT = "Indexed {documents} document(s), {chunks} passages, in {seconds:.1f} s → {folder}"
NO_SOURCES_FOUND = "(no passage came close)"
UNEXPECTED = "summitbot hit an unexpected error ({kind}); run again with --verbose for details"

CHAT_ERROR = "Sorry, something went wrong while answering. Please try again in a moment."
COOLDOWN = "You're asking quickly! Please wait {seconds:.0f} s before the next question."
CHANNEL_NOT_ALLOWED = "I only answer in the channels my admins chose. Please ask me there, or in a DM."
FEEDBACK_THANKS = "Thanks for the feedback!"


def document_noun(document_count: int) -> str:
    """“article” or “articles”, as many as are indexed."""
    return "article" if document_count == 1 else "articles"


def join_terms(terms: list[str]) -> str:
    """“a”, “a or b”, “a, b or c”, each term in quotes for clarity."""
    quoted = [f"“{t}”" for t in terms]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]

# --- Discord adapter strings (bot/discord_app.py) ---

# --- Slack adapter strings (bot/slack_app.py) ---
