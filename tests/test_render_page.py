"""The HTML view as users meet it: the ``--html`` page, notebooks, plugin kinds, hostile text."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newsnorm
from newsnorm import Document, Mention
from newsnorm.cli import main

HOSTILE = "<script>alert('x')</script> \"Cairo\" & 'Gaza' on Thursday </div><img src=x onerror=alert(1)>"


class Tags(HTMLParser):
    """Collects start tags and attributes, to check what a browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_html_page_of_a_hostile_file_is_escaped_and_self_contained(tmp_path: Path) -> None:
    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    page = tmp_path / "view.html"
    code = main([str(source), "--lang", "en", "--published", "2024-02-08", "--html", str(page)], stdout=io.StringIO())
    assert code == 0
    html = page.read_text(encoding="utf-8")
    names = {tag for tag, _ in tags_of(html)}
    assert "script" not in names
    assert "img" not in names
    assert names <= {"meta", "title", "div", "style", "mark", "sup"}
    assert not [attrs for _, attrs in tags_of(html) if {"src", "href"} & set(attrs)]  # no external assets
    styles = re.findall(r"<style>(.*?)</style>", html, flags=re.S)
    assert styles
    assert not [css for css in styles if "@import" in css or "url(" in css]
    assert "&lt;script&gt;" in html


def test_values_in_hover_titles_are_escaped() -> None:
    source = "Price: 12"
    m = Mention("money", 7, 9, "12", 12, "USD 12", {"currency": '"><script>x</script>'})
    html = newsnorm.render(Document(source, source, "en", (m,)))
    marks = [attrs for tag, attrs in tags_of(html) if tag == "mark" and attrs.get("title")]
    assert len(marks) == 1
    assert '"currency": "\\"><script>x</script>"' in (marks[0]["title"] or "")
    assert "<script>" not in html


def test_plugin_kinds_get_a_colour_and_the_legend_counts_kinds() -> None:
    source = "$5 in Cairo"
    mentions = (
        Mention("money", 0, 2, "$5", 5, "USD 5", {"currency": "USD"}),
        Mention("place", 6, 11, "Cairo", "EG", "Cairo", {"type": "city"}),
    )
    html = newsnorm.render(Document(source, source, "en", mentions))
    assert 'class="nn-money"' in html
    assert 'class="nn-place"' in html
    assert "money 1" in html
    assert "place 1" in html


def test_notebook_view_matches_render() -> None:
    doc = newsnorm.normalise("Cairo on Thursday.", lang="en", published="2024-02-08")
    assert doc._repr_html_() == newsnorm.render(doc)


@pytest.mark.parametrize("text", ["", "\ud800\udfff <b>", "\x00\x1b[31m", "&amp;" * 1000, "é" * 100_000])
def test_render_never_raises(text: str) -> None:
    doc = newsnorm.normalise(text, lang="en")
    html = newsnorm.render(doc)
    assert html.startswith('<div class="newsnorm"')
    assert html.endswith("</div>")
