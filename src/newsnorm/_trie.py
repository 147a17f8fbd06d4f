"""Trie-shaped regular expressions for word lists.

A flat alternation of thousands of words makes the regex engine try each one at
every position; the same words arranged as a trie share their prefixes, so each
position costs one branch per character (measured here: 60 ms against 0.19 ms
per article for 32k place names with ``re``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["trie_pattern"]


def trie_pattern(words: Iterable[str]) -> str:
    """A non-capturing group matching exactly one of ``words``, longest first at each branch.

    The result is plain regex syntax that both ``re`` and ``regex`` compile. No
    words give a group that never matches.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"

    def walk(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + walk(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + walk(trie) + ")"
