from __future__ import annotations

import pickle

import pytest

import newsnorm
from newsnorm import Document, Mention, Pipeline
from newsnorm._pipeline import Edit, apply_edits, resolve_overlaps

from toys import Digits, DropFirstLine, Liar, Words


def m(start: int, end: int, source: str = "x" * 100) -> Mention:
    return Mention("k", start, end, source[start:end], None, "")


def test_longer_span_wins() -> None:
    chosen = resolve_overlaps([(0, m(0, 3)), (1, m(1, 8)), (0, m(8, 10))])
    assert [(c.start, c.end) for _, c in chosen] == [(1, 8), (8, 10)]


def test_equal_length_earlier_step_wins() -> None:
    chosen = resolve_overlaps([(1, m(0, 4)), (0, m(2, 6))])
    assert [(i, c.start) for i, c in chosen] == [(0, 2)]


def test_equal_length_same_step_earlier_start_wins() -> None:
    chosen = resolve_overlaps([(0, m(2, 6)), (0, m(0, 4))])
    assert [c.start for _, c in chosen] == [0]


def test_touching_spans_both_kept() -> None:
    chosen = resolve_overlaps([(0, m(0, 4)), (0, m(4, 8)), (0, m(8, 9))])
    assert len(chosen) == 3


def test_contained_span_loses() -> None:
    chosen = resolve_overlaps([(0, m(3, 4)), (1, m(0, 10)), (0, m(12, 13))])
    assert [(c.start, c.end) for _, c in chosen] == [(0, 10), (12, 13)]


def test_pipeline_runs_steps_and_sorts() -> None:
    doc = Pipeline([Digits(), Words("cats")])("3 cats and 12 dogs", lang="en")
    assert [(x.kind, x.text) for x in doc.mentions] == [("number", "3"), ("word", "cats"), ("number", "12")]
    assert doc.text == "3 CATS and 12 dogs"  # only the rewriting step changes doc.text
    assert doc.source == "3 cats and 12 dogs"


def test_rewrite_option_and_offsets_of_source() -> None:
    source = "10 cats, 200 dogs"
    doc = Pipeline([Digits(rewrite=True), Words("dogs")])(source, lang="en")
    assert doc.text == "<10> cats, <200> DOGS"
    for x in doc.mentions:
        assert doc.source[x.start : x.end] == x.text


def test_overlap_across_normalisers_in_pipeline() -> None:
    doc = (Words("12 dogs") | Digits())("3 cats and 12 dogs", lang="en")
    assert [x.text for x in doc.mentions] == ["3", "12 dogs"]


def test_edits_beat_rewrites() -> None:
    doc = Pipeline([Words("Title"), DropFirstLine()])("Title\nTitle\nbody", lang="en")
    assert doc.text == "TITLE\nbody"
    assert [x.start for x in doc.mentions] == [0, 6]


def test_one_step_with_overlapping_mentions_is_resolved() -> None:
    """A single step's own mentions that overlap or come unsorted go through overlap resolution too."""
    doc = Pipeline([Words("12 dogs", "dogs", "3")])("3 cats and 12 dogs", lang="en")
    assert [x.text for x in doc.mentions] == ["3", "12 dogs"]
    assert doc.text == "3 cats and 12 DOGS"


def test_one_step_rewrites_and_edits() -> None:
    assert Pipeline([Digits(rewrite=True)])("a 1 b 22", lang="en").text == "a <1> b <22>"
    assert Pipeline([Digits()])("a 1 b 22", lang="en").text == "a 1 b 22"
    doc = Pipeline([DropFirstLine()])("Title\nbody", lang="en")
    assert (doc.text, doc.mentions) == ("body", ())
    assert Pipeline([Words("x", rewrite=False)])("no match", lang="en").text == "no match"


def test_lang_tags_are_checked_every_call() -> None:
    pipe = Pipeline([Digits()])
    assert pipe("1", lang="pt-BR").region == "BR"
    assert pipe("1", lang="pt-BR").lang == "pt"
    with pytest.raises(ValueError, match="lang"):
        pipe("1", lang="xx-nonsense-tag")
    with pytest.raises(TypeError, match="lang"):
        pipe("1", lang=["en"])  # type: ignore[arg-type]


def test_apply_edits_drops_overlapping_and_out_of_range() -> None:
    assert apply_edits("abcdef", [Edit(1, 3, "X"), Edit(2, 4, "Y"), Edit(5, 99, "Z")], [Edit(0, 2, "Q")]) == "aXdef"


def test_bad_mention_is_reported() -> None:
    with pytest.raises(ValueError, match="toy-liar"):
        Pipeline([Liar()])("hello", lang="en")


def test_a_step_returning_no_mention_is_reported() -> None:
    class NotMentions:
        kind = "toy"
        name = "toy-not-mentions"
        rewrite = False

        def find(self, doc: Document) -> list[object]:
            return [(0, 5, "hello")]

    with pytest.raises(TypeError, match=r"'toy-not-mentions' returned tuple, expected newsnorm\.Mention"):
        Pipeline([NotMentions()])("hello", lang="en")  # type: ignore[list-item]


def test_composition_is_flat() -> None:
    a, b, c = Digits(), Words("x"), DropFirstLine()
    p = a | b | c
    assert isinstance(p, Pipeline)
    assert p.steps == (a, b, c)
    assert (a | Pipeline([b, c])).steps == (a, b, c)
    assert (Pipeline([a]) | Pipeline([b, c])).steps == (a, b, c)
    assert ("dates" | a).names == ["dates", "toy-digits"]
    assert (a | "places").names == ["toy-digits", "places"]


def test_names_resolve_through_registry() -> None:
    p = Pipeline(["places", "numbers"])
    assert repr(p) == "Pipeline(['places', 'numbers'])"
    assert p.names == ["places", "numbers"]
    assert len(p) == 2
    assert [s.kind for s in p] == ["place", "number"]


def test_single_step_accepted() -> None:
    assert Pipeline("dates").names == ["dates"]


def test_bad_step() -> None:
    with pytest.raises(TypeError, match="registered name"):
        Pipeline([42])  # type: ignore[list-item]
    with pytest.raises(newsnorm.UnknownNormaliserError, match=r"Available names: .*dates, .*numbers, places"):
        Pipeline(["nope"])


def test_pipeline_is_immutable() -> None:
    p = Pipeline([Digits()])
    with pytest.raises(AttributeError):
        p.steps = ()


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pipeline_pickles(protocol: int) -> None:
    p = Pipeline([Digits(rewrite=True)])
    q = pickle.loads(pickle.dumps(p, protocol))
    assert q == p
    assert q("a 1", lang="en") == p("a 1", lang="en")


def test_default_pipeline_pickles_and_answers_the_same() -> None:
    from newsnorm._api import default_pipeline

    p = default_pipeline()
    q = pickle.loads(pickle.dumps(p))
    text = "Israel's Prime Minister Benjamin Netanyahu said on Thursday 400 to 500 people left Gaza."
    assert q(text, lang="en", published="2024-02-08") == p(text, lang="en", published="2024-02-08")


def test_normaliser_called_alone() -> None:
    doc = Digits()("12 and 13", lang="en")
    assert [x.value for x in doc.mentions] == [12, 13]


def test_repr() -> None:
    assert repr(Digits()) == "<Digits 'toy-digits'>"


def _brute_force(cands: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    order = sorted(cands, key=lambda c: (c[1].start - c[1].end, c[0], c[1].start))
    chosen: list[tuple[int, Mention]] = []
    for i, x in order:
        if all(x.end <= o.start or o.end <= x.start for _, o in chosen):
            chosen.append((i, x))
    return sorted(chosen, key=lambda c: c[1].start)


def test_clustered_resolution_equals_the_plain_greedy_rule() -> None:
    import random

    rng = random.Random(7)
    for _ in range(300):
        cands = []
        for _ in range(rng.randrange(1, 40)):
            start = rng.randrange(90)
            cands.append((rng.randrange(3), m(start, start + rng.randrange(1, 10))))
        assert resolve_overlaps(cands) == _brute_force(cands)
