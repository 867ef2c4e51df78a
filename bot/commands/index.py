"""`summitbot index build|info`: (re)build the index, or say what it holds."""

from __future__ import annotations

import time
from pathlib import Path

import click

from bot import messages
from bot.commands.progress import build_reporter
from bot.engine import load_embedder
from bot.settings import Settings
from index import build_index, model_fingerprint, read_manifest


@click.group()
def index() -> None:
    """Build the index or show what it holds."""


@index.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_obj
def build(settings: Settings, paths: tuple[Path, ...]) -> None:
    """(Re)build the index from PATHS (files or folders; default: SUMMITBOT_DOCS or the bundled seeds/).

    Later `ask` runs use these same documents until you build again.
    """
    started = time.perf_counter()
    sources = list(paths) or list(settings.docs)
    embedder = load_embedder(settings)
    built = build_index(
        sources, embedder, settings.index_dir, model_fingerprint(settings.model), build_reporter("requested")
    )
    click.echo(
        messages.INDEX_BUILT.format(
            documents=len(built.manifest["documents"]),
            chunks=len(built.chunks),
            seconds=time.perf_counter() - started,
            folder=settings.index_dir,
        )
    )


@index.command()
@click.pass_obj
def info(settings: Settings) -> None:
    """What is indexed: documents, passages, model, when built, where stored."""
    manifest = read_manifest(settings.index_dir)
    click.echo(f"index:     {settings.index_dir}")
    click.echo(f"built:     {manifest.get('built_at', '?')}")
    click.echo(f"model:     {manifest.get('model', '?')} ({manifest.get('dimension', '?')} dimensions)")
    click.echo(f"passages:  {manifest.get('chunks', '?')}")
    click.echo(f"topics:    {', '.join(manifest.get('topics', [])) or '-'}")
    documents = manifest.get("documents", [])
    click.echo(f"documents: {len(documents)}")
    for document in documents:
        click.echo(f"  {document['source']}  ({document['chunks']} passages)  {document['title']}")
        click.echo(f"      {document['path']}")
