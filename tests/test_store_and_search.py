import os
from pathlib import Path

import numpy as np
import pytest

from index import IndexDamaged, IndexNotFound, build_index, index_status, load_index
from index.chunk import Chunk
from index.search import Index
from index.store import load_stored, save_index

from conftest import SEEDS, FakeEmbedder


def _corpus(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "one.txt").write_text(
        "Leaders agree on trade\n\nThe leaders agreed to cut tariffs on steel. Farmers welcomed the news.\n\n"
        "Talks on climate stalled over coal.\n",
        encoding="utf-8",
    )
    return docs


def test_build_then_load_gives_the_same_chunks(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    built = build_index([_corpus(tmp_path)], fake_embedder, tmp_path / "index", "fake")
    loaded = load_index(tmp_path / "index", fake_embedder)
    assert [c.text for c in loaded.chunks] == [c.text for c in built.chunks]
    assert loaded.manifest["documents"][0]["source"] == "one.txt"
    assert loaded.manifest["dimension"] == 64


def test_support_finds_the_documents_words_and_only_them(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    index = build_index([_corpus(tmp_path)], fake_embedder, tmp_path / "index", "fake")
    question = "did farmers like the pandas"
    tokens = fake_embedder.embed_tokens(question)
    spans = [[(question.index(w), question.index(w) + len(w))] for w in ("farmers", "pandas", "the")]
    best, rows = index.closest_words(tokens.words(spans))
    farmers, pandas, stopword = best[:, 0]
    assert farmers > 0.99  # "Farmers welcomed the news."
    assert pandas < 0.5
    assert stopword < 0.5  # stopwords are not stored: they would match anything
    assert index.chunks[int(rows[0, 0])].text == "Farmers welcomed the news."  # the row of the closest word


def test_search_matches_brute_force_numpy_ranking(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(12, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    chunks = [Chunk("s.txt", "T", i + 1, 0, 0, 1, f"text {i}") for i in range(12)]
    from index.lexicon import frequency_table

    lexicon = {"frequencies": frequency_table(), "forms": {}, "foreign": [], "mixed": []}
    manifest = {"model": "m", "model_id": "m", "dimension": 8}
    save_index(tmp_path, manifest, chunks, vectors, vectors, [[]] * 12, vectors, lexicon, np.arange(12))

    class Fixed:
        name, dimension = "m", 8

        def __init__(self, query: np.ndarray) -> None:
            self.query = query

        def embed(self, texts):  # type: ignore[no-untyped-def]
            return self.query[None, :]

    for _ in range(5):
        query = rng.normal(size=8).astype(np.float32)
        query /= np.linalg.norm(query)
        index = Index(load_stored(tmp_path), Fixed(query))
        expected = np.argsort(-(vectors @ query))[:4]
        scores = index.score("zzz")  # no keyword matches: ranking is cosine alone
        assert np.allclose(scores.sentence, vectors @ query, atol=1e-5)
        assert [h.row for h in index.search("zzz", 4)] == list(expected)


def test_status_notices_changed_documents_and_model(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    docs = _corpus(tmp_path)
    root = tmp_path / "index"
    assert not index_status(root, [docs], "fake").current
    build_index([docs], fake_embedder, root, "fake")
    assert index_status(root, [docs], "fake").current
    assert index_status(root, [docs], "another-model").reason == "the model changed"
    (docs / "one.txt").write_text("Changed\n\nNew text.\n", encoding="utf-8")
    assert index_status(root, [docs], "fake").reason == "the documents changed"


def test_crash_mid_build_leaves_the_last_good_index(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    docs = _corpus(tmp_path)
    root = tmp_path / "index"
    build_index([docs], fake_embedder, root, "fake")

    class Crashing(FakeEmbedder):
        def embed(self, texts):  # type: ignore[no-untyped-def]
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        build_index([SEEDS], Crashing(), root, "fake")
    assert [c.source for c in load_index(root, fake_embedder).chunks][0] == "one.txt"


def test_damaged_index_raises_a_named_error(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    root = tmp_path / "index"
    with pytest.raises(IndexNotFound, match="summitbot index build"):
        load_index(root, fake_embedder)
    build_index([_corpus(tmp_path)], fake_embedder, root, "fake")
    chunks_file = root / "current" / "chunks.jsonl"
    chunks_file.write_text(chunks_file.read_text().splitlines()[0] + "\n")
    with pytest.raises(IndexDamaged, match="summitbot index build"):
        load_index(root, fake_embedder)
    (root / "current" / "manifest.json").write_text("{not json")
    with pytest.raises(IndexDamaged):
        load_index(root, fake_embedder)
    assert not index_status(root, [tmp_path / "docs"], "fake").current


def test_rebuild_keeps_one_build_folder(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    docs = _corpus(tmp_path)
    root = tmp_path / "index"
    for _ in range(3):
        build_index([docs], fake_embedder, root, "fake")
    assert len(os.listdir(root / "builds")) == 1


def test_typos_are_forgiven_but_real_words_are_not_typos() -> None:
    from index.lexicon import Lexicon

    lexicon = Lexicon(["Ms Pelosi visited Taiwan in August.", "The fentanyl deal was agreed."])
    assert lexicon.correct("fentanly") == "fentanyl"
    assert lexicon.correct("tiawan") == "taiwan"  # two letters swapped
    assert lexicon.correct("taxes") is None  # an English word the documents don't use
    from index.lexicon import everyday_typo

    assert everyday_typo("soldeirs") == "soldiers"  # a long slip reads as any fairly common word
    assert everyday_typo("payrolls") is None  # the plural of a word English has
    assert everyday_typo("presser") is None  # a rare word English has
    named = Lexicon(["They met outside San Francisco.", "Last week, the White House said so."])
    assert named.corrected("was it in SF or what did the WH say") == "was it in San Francisco or what did the White House say"
    # a short form keeping a word's first and last letters and its consonants
    assert Lexicon(["The plant will create jobs in engineering."]).correct("engg") == "engineering"
    assert Lexicon(["They said it would break the deal."]).correct("brkl") is None
    # a hyphenated name typed without its hyphen
    assert Lexicon(["India will buy 31 MQ-9B drones."]).corrected("how many mq9b drones") == "how many MQ-9B drones"


def test_a_name_of_several_words_marks_its_sentences(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Talks end\n\nThe White House said the talks went well. The US President praised them.\n\n"
        "Officials met in San Francisco. Reporters waited outside. Nobody else spoke.\n",
        encoding="utf-8",
    )
    index = build_index([docs], fake_embedder, tmp_path / "index", "fake")
    marked = [index.chunks[int(r)].text for r in np.flatnonzero(index.named_rows("what did the white house say?"))]
    assert marked == ["The White House said the talks went well."]
    assert not index.named_rows("what did the house say?").any()  # the whole name, not a word of it


def test_an_acronym_the_text_spells_out_is_searched_both_ways() -> None:
    from index.lexicon import Lexicon, acronyms

    texts = [
        "Leaders agreed to discuss the risks of artificial intelligence.",
        "Mr Biden has made regulating AI a focus. The US official spoke.",
        "The United States and China met; the AP took the photo.",
        "I appreciate President Xi. Asia Pacific leaders came.",
    ]
    # "AP" could be either phrase, so it is left out.
    assert acronyms(texts) == {"ai": "artificial intelligence", "us": "united states"}
    lexicon = Lexicon(texts)
    assert lexicon.expanded("anything on ai??") == "anything on ai (artificial intelligence)??"
    assert lexicon.expanded("risks of Artificial Intelligence") == "risks of Artificial Intelligence (AI)"
    assert lexicon.expanded("about AI (artificial intelligence)") == "about AI (artificial intelligence)"
    # "us" is a word as well: only "US" in capitals stands for the country.
    assert lexicon.expanded("tell us what the US said") == "tell us what the US (united states) said"


def test_a_sentence_the_question_echoes_scores_by_how_much_it_repeats() -> None:
    from index.lexicon import Lexicon

    lexicon = Lexicon(
        [
            "Biden and Xi agreed on Wednesday, their first face-to-face talks in a year.",
            "Biden and Xi met near San Francisco.",
            "Biden and Xi talked for four hours.",
        ]
    )
    overlap = lexicon.phrase_overlap("was this their first face-to-face talks in a year?")
    assert overlap[0] == 1.0 and overlap[1] == 0.0 and overlap[2] == 0.0
    assert 0 < lexicon.phrase_overlap("any face-to-face talks?")[0] < 1.0
    # The names found everywhere echo nothing in particular.
    assert not lexicon.phrase_overlap("did biden and xi meet").any()


def test_saved_word_tables_answer_without_the_lemmatiser_or_wordfreq() -> None:
    from index.lexicon import Lexicon, frequency_table, terms, word_forms, zipf

    texts = ["The leaders will meet again.", "They shot down a balloon."]
    chunk_terms = [terms(t) for t in texts]
    frequencies = frequency_table()
    forms = word_forms(texts, chunk_terms, frequencies)
    assert forms["met"] == Lexicon(texts).known_term("met") == Lexicon(texts).known_term("meeting")  # by table
    lexicon = Lexicon(texts, chunk_terms, forms)
    assert lexicon.known_term("met") is not None and lexicon.known_term("tariffs") is None
    assert lexicon.terms_of(texts[1]) == frozenset(chunk_terms[1])
    assert abs(frequencies["tariffs"] - zipf("tariffs")) < 0.01
    assert zipf("soured") >= 3.0  # an inflection rarer than its stem counts as the stem


def test_everyday_words_of_other_languages_are_known_as_theirs() -> None:
    from index.lexicon import foreign_words, frequency_table

    foreign = set(foreign_words(frequency_table()))
    assert {"según", "entonces", "genau", "el"} <= foreign
    assert not {"hat", "plus", "die", "fentanyl", "general"} & foreign  # English words stay English


def test_an_acronym_stands_for_a_name_or_a_phrase_used_twice() -> None:
    from index.lexicon import Lexicon

    texts = [
        "Troops pulled back along the Line of Actual Control.",
        "The special representatives will meet soon.",
        "The special representatives last met in 2019.",
        "The country estate outside the city was secluded.",
    ]
    lexicon = Lexicon(texts)
    assert lexicon.spelled_out("lac") == "line of actual control"
    assert lexicon.spelled_out("srs", capitals=True) == "special representatives"
    assert lexicon.spelled_out("ceo") is None  # a word of its own, and "country estate outside" is met once
    assert lexicon.corrected("when did the SRs meet?") == "when did the special representatives meet?"


def test_an_acronym_in_capitals_may_stand_for_a_phrase_met_once() -> None:
    from index.lexicon import Lexicon

    texts = [
        "The plan upgrades US Forces Japan, which is headquartered at Yokota Air Base.",
        "Leaders called for bigger multilateral development banks.",
    ]
    lexicon = Lexicon(texts)
    assert lexicon.spelled_out("usfj") == "us forces japan"  # a name; "US" gives both its letters
    assert lexicon.spelled_out("mdb", capitals=True) == "multilateral development banks"
    assert lexicon.spelled_out("mdb") is None  # typed in lower case, a phrase met once is no term


def test_initials_of_a_name_in_lower_case_when_no_word() -> None:
    from index.lexicon import Lexicon

    lexicon = Lexicon(["They met outside San Francisco.", "They flew to Los Angeles."])
    assert lexicon.corrected("was it in sf?") == "was it in San Francisco?"
    assert lexicon.corrected("was it in la?") == "was it in la?"  # "la" is a word too
