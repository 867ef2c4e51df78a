"""Every sentence summitbot says to a person, in one place. Each error names its fix."""

from __future__ import annotations

EMPTY_QUESTION = "Ask me something about the meeting, e.g. “what was agreed on fentanyl?”"
GREETING = "Hi! Ask me about the meeting, e.g. “what was agreed on fentanyl?” or “who attended?”"
NOT_COVERED_TERMS = "The {noun} {does}n't mention {terms}."
NOT_COVERED = "The {noun} {does}n't say."
NOT_NAMED = "The {noun} {does}n't name the {target}."
NOT_QUOTED = "The {noun} {does}n't report anything {speakers} said."
NOT_AGREED = "The {noun} {does}n't report an agreement on {topics}."
NOT_RAISED = "The {noun} {does}n't say {topics} came up in the talks; it mentions {them} only as background."
NOT_A_QUESTION = "I only answer questions from the {noun}; I can't {task} for you."
COVERS = "{they} {cover}: {topics}."
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


def document_noun(document_count: int) -> dict[str, str]:
    """“article … does … It covers” or “articles … do … They cover”, as many as are indexed."""
    if document_count == 1:
        return {"noun": "article", "does": "does", "they": "It", "cover": "covers"}
    return {"noun": "articles", "does": "do", "they": "They", "cover": "cover"}


# A word named in a reply is cut to this many characters ("xxxx…" typed 10,000 times fills no screen).
TERM_CHARS = 40


def join_terms(terms: list[str]) -> str:
    """“a”, “a or b”, “a, b or c”, each term in quotes for clarity, a very long one cut short."""
    quoted = [f"“{t if len(t) <= TERM_CHARS else t[: TERM_CHARS - 1] + '…'}”" for t in terms]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]

# --- Discord adapter strings (bot/discord_app.py) ---
DISCORD_ASK_DESCRIPTION = "Ask about the meeting; the answer quotes the articles"
DISCORD_QUESTION_DESCRIPTION = "Your question, e.g. what was agreed on fentanyl?"
DISCORD_PRIVATE_DESCRIPTION = "Show the answer to you only (default: everyone in the channel sees it)"
DISCORD_WHY_DESCRIPTION = "Show the passages that best match a question, with their scores"
DISCORD_SOURCES_DESCRIPTION = "List the articles I answer from"
DISCORD_HELP_DESCRIPTION = "How to ask me questions"
DISCORD_HELP = (
    "I answer questions about the meeting from news articles, quoting them word for word.\n"
    "• `/ask question:` answers in the channel; add `private: True` to see the answer alone.\n"
    "• @mention me with a question, or send me a DM; reply to my answer to follow up.\n"
    "• `/why question:` shows the passages that best match, with their scores.\n"
    "• `/sources` lists the articles I answer from.\n"
    "Press 👍 or 👎 under an answer to tell my admins how I did."
)
DISCORD_SOURCES_HEADING = "Sources"
DISCORD_NEAREST_HEADING = "Nearest passages (not an answer)"
DISCORD_SOURCE_NAME = "[{number}] {source}, paragraph {paragraph}"
DISCORD_WHY_TITLE = "Best-matching passages for: {question}"
DISCORD_WHY_NAME = "{score:.3f} · {source}, paragraph {paragraph}"
DISCORD_WHY_NOTHING = "Nothing to match: ask a question, e.g. `/why question: what was agreed on fentanyl?`"
DISCORD_SOURCES_TITLE = "What I answer from"
DISCORD_SOURCES_LINE = "**{title}** (`{source}`, {passages} passages)"
DISCORD_SOURCES_NONE = "No articles are indexed yet; my admins can add them with `summitbot index build`."
DISCORD_SOURCES_MORE = "…and {count} more"
DISCORD_VOTE_UP = "Helpful"
DISCORD_VOTE_DOWN = "Not helpful"
DISCORD_CONTENT_HIDDEN = (
    "Discord didn't show me that message's text. Mention me by name (@ me, not my role), or use `/ask`."
)
DISCORD_VOTE_UNKNOWN = "Sorry, I no longer have that answer on record, so I couldn't count the vote."
DISCORD_TOKEN_REJECTED = (
    "DISCORD_TOKEN was rejected by Discord (401 Unauthorized); copy a fresh one from the Developer Portal "
    "(your app → Bot → Reset Token) into .env"
)
DISCORD_PRIVILEGED_INTENTS = (
    "Discord refused the gateway intents (close code 4014); summitbot needs no privileged intent, so check "
    "that DISCORD_TOKEN belongs to the right app"
)
DISCORD_UNREACHABLE = "could not reach Discord at {url} ({kind}); check the network, or DISCORD_API_BASE_URL"
DISCORD_NO_GATEWAY = (
    "DISCORD_API_BASE_URL did not say where the gateway is (GET /gateway/bot failed); set DISCORD_GATEWAY_URL too"
)
DISCORD_BAD_URL = "{name}={value!r} is not a {schemes} URL; set it to e.g. {example}"
DISCORD_NO_CLIENT_ID = (
    "the invite link needs your application id: pass --client-id or set DISCORD_CLIENT_ID (Developer Portal "
    "→ your app → General Information → Application ID), or set DISCORD_TOKEN"
)
DISCORD_BAD_TOKEN_SHAPE = "DISCORD_TOKEN does not look like a bot token, so it holds no application id; pass --client-id"

# --- Slack adapter strings (bot/slack_app.py) ---
SLACK_QUESTION = "Q:"
SLACK_SOURCES = "Sources"
SLACK_NEAREST = "Nearest passages (not an answer)"
SLACK_SHARE_BUTTON = "Share in channel"
SLACK_SHARED_BY = "Shared by {user}"
SLACK_NO_TEXT = "(no answer text)"
SLACK_SHARE_EXPIRED = "Sorry, I couldn't share that answer any more. Please ask again with /ask."
SLACK_TOKEN_REJECTED = (
    "{name} was rejected by Slack ({error}); copy it again from your app's settings at api.slack.com/apps"
)
SLACK_UNREACHABLE = "could not reach Slack at {url} ({kind}); check SLACK_API_URL and the network"
