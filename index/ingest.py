"""Read article files from disk into `Document` values."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".md", ".markdown")


class DocumentError(Exception):
    """A document could not be read; the message names the file and the fix."""


@dataclass(frozen=True)
class Document:
    """One article: its file name, headline and full text (kept verbatim)."""

    source: str
    path: str
    title: str
    text: str
    sha256: str


def find_documents(paths: list[Path]) -> list[Path]:
    """Expand files and folders into the sorted list of article files.

    Args:
        paths: files or folders; folders are searched recursively for .txt/.md files.

    Returns:
        Unique article files, folders expanded in name order.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise DocumentError(f"{path}: no such file or folder; check the path or SUMMITBOT_DOCS")
    unique = list(dict.fromkeys(p.resolve() for p in found))
    if not unique:
        shown = ", ".join(str(p) for p in paths)
        raise DocumentError(f"no .txt or .md articles found in {shown}; add some or point SUMMITBOT_DOCS at them")
    return unique


def read_document(path: Path) -> Document:
    """Read one article file.

    Args:
        path: a UTF-8 .txt or .md file.

    Returns:
        The document; its title is the first non-empty line, without markdown '#'.
    """
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as error:
        raise DocumentError(f"{path}: cannot read it ({error.strerror}); check the file's permissions") from None
    except UnicodeDecodeError:
        raise DocumentError(f"{path}: not UTF-8 text; save it as UTF-8 and build again") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError(f"{path}: the file is empty; remove it or add the article's text")
    first_line = next(line for line in text.splitlines() if line.strip())
    return Document(
        source=path.name,
        path=str(path),
        title=first_line.strip().lstrip("#").strip(),
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def document_hashes(paths: list[Path]) -> dict[str, str]:
    """Hash the article files without parsing them (cheap freshness check).

    Args:
        paths: article files, as returned by `find_documents`.

    Returns:
        A map of resolved path to the SHA-256 of its bytes.
    """
    hashes: dict[str, str] = {}
    for path in paths:
        try:
            hashes[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as error:
            raise DocumentError(f"{path}: cannot read it ({error.strerror}); check the file's permissions") from None
    return hashes
