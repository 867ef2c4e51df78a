"""Split a `Document` into sentence chunks that keep paragraph numbers and offsets (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from index.ingest import Document

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_MARKDOWN_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)")


@dataclass(frozen=True)
class Chunk:
    """One sentence of a document, with where it stands.

    `text` is exactly `document.text[start:end]`; `paragraph` counts from 1 and
    includes the headline, standfirst and captions, as a reader counts blocks.
    """

    source: str
    title: str
    paragraph: int
    sentence: int
    start: int
    end: int
    text: str


# A sentence that leans on the one before it: a pronoun, a quotation or a linking phrase first.
_LEANS_BACK = re.compile(
    r"^[“\"'‘]|^(?:it|this|that|these|those|he|she|they|his|her|their|its|such|there|the move|the deal|"
    r"the agreement|the pact|under (?:the|this|that) (?:agreement|deal|plan)|but|and|also|however|meanwhile|"
    r"still|yet|instead|then|in (?:response|return|addition)|as a result)\b|"
    # "Wang Yi and Lan Fo'an, Minister of Finance, also attended.": who else, besides those before
    r"^[^.;]{0,100}?\balso (?:attended|came|joined|took part|accompanied|went|met)\b",
    re.IGNORECASE,
)


# "It was the leaders' first in-person meeting since …": "it" is the event the article reports, not
# something in the sentence before.
_STANDS_ALONE = re.compile(
    r"^(?:it|this) (?:was|is|marked|marks) (?:the|their|his|her|its) (?:[\w'’-]+ ){0,3}?"
    r"(?:first|second|third|last|latest|only)\b",
    re.IGNORECASE,
)


def leans_back(text: str) -> bool:
    """Whether a sentence needs the one before it to make sense ("It also requires ...")."""
    return bool(_LEANS_BACK.match(text)) and not _STANDS_ALONE.match(text)


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd  # imported here: only index builds split text

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        if text[position:end].strip():
            spans.append((position, end))
        position = match.end() if match else len(text)
    return spans


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines of a paragraph, trimmed of whitespace and markdown markers."""
    spans: list[tuple[int, int]] = []
    position = start
    for line in text[start:end].split("\n"):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        stripped = line.strip()
        if not stripped:
            continue
        line_start += len(line) - len(line.lstrip())
        marker = _MARKDOWN_PREFIX.match(text, line_start, line_end)
        if marker and marker.end() < line_end:
            line_start = marker.end()
        spans.append((line_start, line_start + len(text[line_start:line_end].rstrip())))
    return spans


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside `text[start:end]`, by pysbd, trimmed of whitespace.

    Args:
        text: the whole document text.
        start: where the line begins.
        end: where the line ends.

    Returns:
        Absolute (start, end) offsets of each sentence.
    """
    spans: list[tuple[int, int]] = []
    for piece in _segmenter().segment(text[start:end]):
        s, e = start + piece.start, start + piece.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if spans and len(text[s:e].split()) < 2 and not text[s:e].endswith("?"):
            # A lone word ("AP", "Reuters", a list marker) is part of what precedes it.
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def chunk_document(document: Document) -> list[Chunk]:
    """Split a document into sentence chunks.

    Args:
        document: the article.

    Returns:
        Its sentences in order; each line of a paragraph (a caption, a byline)
        is split on its own so that lines never merge into one sentence.
    """
    chunks: list[Chunk] = []
    text = document.text
    for number, (p_start, p_end) in enumerate(_paragraph_spans(text), start=1):
        sentence = 0
        for l_start, l_end in _line_spans(text, p_start, p_end):
            for s_start, s_end in split_sentences(text, l_start, l_end):
                chunks.append(
                    Chunk(document.source, document.title, number, sentence, s_start, s_end, text[s_start:s_end])
                )
                sentence += 1
    return chunks
