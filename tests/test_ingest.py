from pathlib import Path

import pytest

from index.ingest import DocumentError, find_documents, read_document


def test_folders_expand_to_text_and_markdown_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("B")
    (tmp_path / "c.pdf").write_text("C")
    assert [p.name for p in find_documents([tmp_path])] == ["a.txt", "b.md"]


def test_missing_path_names_it(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="nope.txt: no such file"):
        find_documents([tmp_path / "nope.txt"])


def test_folder_without_articles_says_so(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no .txt or .md articles"):
        find_documents([tmp_path])


def test_binary_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(DocumentError, match=r"bad.txt: not UTF-8"):
        read_document(path)


def test_empty_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("  \n")
    with pytest.raises(DocumentError, match="empty.md: the file is empty"):
        read_document(path)


def test_unreadable_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "dir.txt"
    path.mkdir()  # a folder where a file should be: unreadable even for root
    with pytest.raises(DocumentError, match="dir.txt: cannot read it"):
        read_document(path)
