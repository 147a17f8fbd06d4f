from __future__ import annotations

import newsnorm
from newsnorm import Document, Mention


def test_render_escapes_text_and_values() -> None:
    source = '<script>alert("x")</script> & 12 "quotes"'
    start = source.index("12")
    m = Mention("number", start, start + 2, "12", 12, "12", {"note": '"><img src=x>'})
    html = newsnorm.render(Document(source, source, "en", (m,)))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html
    assert 'class="nn-number"' in html
    assert "<mark" in html


def test_repr_html_used_by_notebooks() -> None:
    doc = newsnorm.normalise("nothing here", lang="en")
    assert doc._repr_html_().startswith('<div class="newsnorm"')
