from pathlib import Path

from index.chunk import chunk_document, leans_back
from index.ingest import read_document

from conftest import SEEDS


def _document(tmp_path: Path, text: str, name: str = "a.md"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_every_chunk_is_verbatim_text_at_its_offsets() -> None:
    document = read_document(SEEDS / "biden-xi-summit-2023.txt")
    chunks = chunk_document(document)
    assert len(chunks) > 20
    for chunk in chunks:
        assert document.text[chunk.start : chunk.end] == chunk.text
        assert chunk.text == chunk.text.strip()


def test_headline_standfirst_caption_and_updated_line_are_kept() -> None:
    chunks = chunk_document(read_document(SEEDS / "biden-xi-summit-2023.txt"))
    texts = [c.text for c in chunks]
    assert chunks[0].paragraph == 1 and texts[0].startswith("Biden and Xi vow")
    assert any("Filoli estate" in t for t in texts)
    assert any(t.startswith("Updated: November 16, 2023") for t in texts)


def test_paragraphs_are_numbered_and_sentences_split(tmp_path: Path) -> None:
    document = _document(tmp_path, "# Title here\n\nFirst one. Second one follows.\n\nThird paragraph, Mr. Smith said.\n")
    chunks = chunk_document(document)
    assert [(c.paragraph, c.sentence, c.text) for c in chunks] == [
        (1, 0, "Title here"),
        (2, 0, "First one."),
        (2, 1, "Second one follows."),
        (3, 0, "Third paragraph, Mr. Smith said."),
    ]
    assert document.title == "Title here"


def test_lines_of_a_paragraph_never_merge_and_lone_words_attach(tmp_path: Path) -> None:
    document = _document(tmp_path, "Photo of the leaders in California. AP\nPowered by translation\n", "b.txt")
    texts = [c.text for c in chunk_document(document)]
    assert texts == ["Photo of the leaders in California. AP", "Powered by translation"]


def test_windows_line_endings_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes("\ufeffHeadline\r\n\r\nBody sentence one. Body two.\r\n".encode())
    document = read_document(path)
    chunks = chunk_document(document)
    assert [c.text for c in chunks] == ["Headline", "Body sentence one.", "Body two."]
    assert all(document.text[c.start : c.end] == c.text for c in chunks)


def test_a_sentence_that_needs_the_one_before_it() -> None:
    assert leans_back("It also requires developers to safety-test new models.")
    # "it" is the event reported, not something in the sentence before
    assert not leans_back("It was the leaders' first in-person meeting since the G20 summit in Bali, Indonesia, last year.")
    assert leans_back("China's Minister of Foreign Affairs Wang Yi and Lan Fo'an, Minister of Finance, also attended.")
    assert not leans_back("US Secretary of State Antony Blinken accompanied Mr Biden.")
    assert not leans_back("The leaders met for four hours; they were also seen at lunch.")  # "also" far from a "who else"
