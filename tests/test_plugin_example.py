"""The example plugin of examples/newsnorm-currency, seen from newsnorm: skipped unless it is installed.

CI installs it (``.ci/ecosystem.sh``); the README's test command does not, and
then this module skips cleanly.
"""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

import newsnorm

currency = pytest.importorskip("newsnorm_currency", reason="examples/newsnorm-currency is not installed")

TEXT = "Qatar pledged $5 billion to Gaza on Thursday, the Prime Minister said."


def test_available_lists_the_plugin() -> None:
    assert "currency" in newsnorm.available()
    for builtin in ("places", "dates", "numbers", "titles"):
        assert builtin in newsnorm.available()


def test_the_default_pipeline_can_include_it() -> None:
    from newsnorm._registry import DEFAULT_PIPELINE

    pipe = newsnorm.Pipeline([*DEFAULT_PIPELINE, "currency"])
    assert pipe.names == [*DEFAULT_PIPELINE, "currency"]
    doc = pipe(TEXT, lang="en", published="2024-02-08")
    money = [m for m in doc.mentions if m.kind == "money"]
    assert [(m.text, m.value, m.attrs) for m in money] == [("$5 billion", 5_000_000_000, {"currency": "USD"})]
    assert isinstance(newsnorm.get("currency"), currency.CurrencyNormaliser)


def test_installing_it_does_not_change_normalise() -> None:
    doc = newsnorm.normalise(TEXT, lang="en", published="2024-02-08")
    assert all(m.kind != "money" for m in doc.mentions)
    alone = newsnorm.Pipeline(["places", "dates", "numbers", "titles"])(TEXT, lang="en", published="2024-02-08")
    assert doc == alone


def test_plugin_pipelines_pickle() -> None:
    pipe = newsnorm.Pipeline(["numbers"]) | newsnorm.get("currency", dollar="CAD")
    again = pickle.loads(pickle.dumps(pipe))
    assert again == pipe
    assert again("It cost $5.", lang="en") == pipe("It cost $5.", lang="en")


def test_the_plugin_guide_example_runs() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "plugins.md").read_text(encoding="utf-8")
    section = page.split("### 6. Install and use", 1)[1]
    (block,) = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    exec(compile(block, "docs/plugins.md", "exec"), {"__name__": "plugin_guide"})
