"""Checks run in a fresh interpreter, where nothing of other tests is loaded."""

from __future__ import annotations

import json
import subprocess
import sys

#: the ten languages of the bench's memory measurement
TEN_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "tr", "ar", "zh")


def babel_locales_loaded(step: str, text: str) -> list[str]:
    """The babel locales whose CLDR data a fresh process holds after ``Pipeline([step])(text)`` in ten languages."""
    code = (
        "import json, newsnorm\n"
        f"for lang in {TEN_LANGUAGES!r}:\n"
        f"    newsnorm.Pipeline([{step!r}])({text!r}, lang=lang)\n"
        "import babel.localedata as L\n"
        "print(json.dumps(sorted(L._cache)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded: list[str] = json.loads(out)
    return loaded
