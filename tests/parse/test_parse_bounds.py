"""The parse stage bounds its work: paragraph length, parser batch size, sentence length."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from redshank.parse import Paragraph, bound_sentences, load_nlp, split_paragraphs
from redshank.parse.batches import bounded_batches
from redshank.parse.sentences import piece_spans
from tests.conftest import BLANK

NEWS = "Iraq asked the United States to bomb militants. The White House declined. "
NO_PUNCTUATION = " ".join(["the army attacked the village and the rebels answered"] * 2000)
ABBREVIATIONS = " ".join(['"Iraq said U.S. officials told Iran that Turkey warned'] * 120)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.mark.parametrize("text", [NEWS * 400, NO_PUNCTUATION, "x" * 50_000],
                         ids=["sentences", "no punctuation", "no spaces"])
def test_an_over_long_paragraph_is_split_into_bounded_chunks(text: str) -> None:
    paragraphs = split_paragraphs(text, max_chars=5_000)
    assert len(paragraphs) > 1
    assert all(len(p.text) <= 5_000 for p in paragraphs)
    assert all(text[p.offset : p.offset + len(p.text)] == p.text for p in paragraphs)
    assert "".join(p.text for p in paragraphs).replace(" ", "") == text.replace(" ", "")


def test_a_chunk_ends_at_a_sentence_end_when_there_is_one() -> None:
    paragraphs = split_paragraphs(NEWS * 400, max_chars=5_000)
    assert all(p.text.rstrip().endswith(".") for p in paragraphs)


@pytest.mark.parametrize("lengths", [[500] * 40, [20_000] * 5, [10, 60_000, 10], [30_000] * 3])
def test_parser_batches_are_bounded_by_count_and_characters(lengths: list[int]) -> None:
    texts = ["x" * n for n in lengths]
    groups = list(bounded_batches(texts, max_texts=32, max_chars=50_000))
    assert [t for group in groups for t in group] == texts
    for group in groups:
        assert len(group) <= 32
        assert len(group) == 1 or sum(map(len, group)) <= 50_000


def test_normal_news_batches_are_those_spacy_would_make() -> None:
    texts = ["x" * 500] * 70
    assert [len(g) for g in bounded_batches(texts, max_texts=32)] == [32, 32, 6]


def one_sentence(n: int, punct_every: int = 0) -> Doc:
    words = [("," if punct_every and i % punct_every == punct_every - 1 else f"w{i}")
             for i in range(n)]
    return Doc(BLANK.vocab, words=words, sent_starts=[i == 0 for i in range(n)])


def test_pieces_of_a_long_sentence_are_bounded_and_cover_it() -> None:
    doc = one_sentence(1_000, punct_every=30)
    spans = piece_spans(doc, max_tokens=100)
    assert spans[0][0] == 0 and spans[-1][1] == len(doc.text.rstrip())
    pieces = [doc.char_span(start, end) for start, end in spans]
    assert all(0 < len(piece) <= 100 for piece in pieces)
    assert sum(len(piece) for piece in pieces) == len(doc)
    assert all(piece[-1].text == "," for piece in pieces[:-1])  # cut after punctuation


def test_pieces_end_at_sentence_starts_when_sentences_fit() -> None:
    words = [f"w{i}" for i in range(300)]
    doc = Doc(BLANK.vocab, words=words, sent_starts=[i % 60 == 0 for i in range(300)])
    spans = piece_spans(doc, max_tokens=100)
    assert [len(doc.char_span(s, e)) for s, e in spans] == [60, 60, 60, 60, 60]


@pytest.mark.parametrize("text", [NO_PUNCTUATION[:20_000], ABBREVIATIONS],
                         ids=["no punctuation", "abbreviations"])
def test_no_sentence_the_coder_sees_is_over_long(nlp: Language, text: str) -> None:
    document = f"Iraq asked for help.\n\n{text}\n\nThe White House declined."
    paragraphs = split_paragraphs(document)
    parsed = [(p, nlp(p.text)) for p in paragraphs]
    assert max(len(s) for _, doc in parsed for s in doc.sents) > 400
    bounded = bound_sentences(nlp, parsed, batch_size=32, max_tokens=400)
    assert max(len(s) for _, doc in bounded for s in doc.sents) <= 420
    assert [p.index for p, _ in bounded] == list(range(len(bounded)))
    for paragraph, doc in bounded:
        assert document[paragraph.offset : paragraph.offset + len(paragraph.text)] == doc.text
    assert bounded[0][1] is parsed[0][1] and bounded[-1][1] is parsed[-1][1]


def test_normal_paragraphs_are_not_touched(nlp: Language) -> None:
    parsed = [(Paragraph(0, NEWS, 0), nlp(NEWS))]
    assert bound_sentences(nlp, parsed, batch_size=32) is parsed


class _RecordingNlp:
    """Stands in for spaCy: records the batches each `pipe` call makes, returns the texts."""

    def __init__(self) -> None:
        self.calls: list[list[list[str]]] = []

    def pipe(self, texts, batch_size: int):
        batches: list[list[str]] = []
        self.calls.append(batches)
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) == batch_size:
                batches.append(batch)
                yield from batch
                batch = []
        if batch:
            batches.append(batch)
            yield from batch


def test_full_batches_share_one_pipe_call_and_a_cut_batch_has_its_own() -> None:
    from redshank.parse.batches import parse_texts

    texts = [f"t{i}" for i in range(7)] + ["x" * 30] + [f"u{i}" for i in range(5)]
    nlp = _RecordingNlp()
    assert list(parse_texts(nlp, texts, batch_size=3, max_batch_chars=20)) == texts
    # batches as bounded_batches makes them, in as few calls as keep them so
    made = [batch for call in nlp.calls for batch in call]
    assert made == list(bounded_batches(texts, 3, 20))
    assert [len(call) for call in nlp.calls] == [2, 1, 1, 1, 1]
