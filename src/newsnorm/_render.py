"""An HTML view of a document's mentions, for notebooks and the ``--html`` CLI option."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ._document import Document

__all__ = ["render"]

_COLOURS = {"place": "#c6e5ff", "date": "#ffe2a8", "number": "#d4f4c8", "title": "#f3d0f5"}
_OTHER = "#e4e4e4"

_STYLE = (
    ".newsnorm{font-family:system-ui,sans-serif;line-height:1.9;white-space:pre-wrap}"
    ".newsnorm mark{padding:0 .2em;border-radius:.3em}"
    ".newsnorm mark sup{font-size:.65em;font-weight:600;margin-left:.25em;opacity:.7}"
    ".newsnorm .nn-legend{white-space:normal;margin-bottom:.6em;font-size:.85em;color:#444}"
    ".newsnorm .nn-legend mark{margin-right:.5em}"
)


def render(doc: Document) -> str:
    """Return a self-contained HTML fragment that highlights ``doc``'s mentions by kind.

    Each mention shows its kind; hovering shows its value and attributes. A
    legend above the text counts the mentions of each kind. All text is
    escaped, and the fragment uses inline CSS only.
    """
    import html
    import json

    parts = [f'<div class="newsnorm" lang="{html.escape(doc.lang)}"><style>{_STYLE}</style>']
    counts: dict[str, int] = {}
    for m in doc.mentions:
        counts[m.kind] = counts.get(m.kind, 0) + 1
    if counts:
        legend = "".join(
            f'<mark style="background:{_COLOURS.get(kind, _OTHER)}">{html.escape(kind)} {n}</mark>'
            for kind, n in sorted(counts.items())
        )
        parts.append(f'<div class="nn-legend">{legend}</div>')
    last = 0
    for m in doc.mentions:
        parts.append(html.escape(doc.source[last : m.start]))
        tip = json.dumps({"value": m.value, "normalised": m.normalised, **m.attrs}, ensure_ascii=False, default=str)
        colour = _COLOURS.get(m.kind, _OTHER)
        parts.append(
            f'<mark class="nn-{html.escape(m.kind)}" style="background:{colour}" title="{html.escape(tip)}">'
            f"{html.escape(m.text)}<sup>{html.escape(m.kind)}</sup></mark>"
        )
        last = m.end
    parts.append(html.escape(doc.source[last:]))
    parts.append("</div>")
    return "".join(parts)
