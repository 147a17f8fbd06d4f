from __future__ import annotations

import inspect
import json
import subprocess
import sys

import newsnorm

HEAVY = ["dateparser", "langdetect", "babel", "babel.localedata", "regex", "ahocorasick", "importlib.metadata"]


def test_import_is_light() -> None:
    code = (
        "import sys, json; import newsnorm; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_all_lists_the_public_names() -> None:
    public = {n for n, v in vars(newsnorm).items() if not n.startswith("_") and not inspect.ismodule(v)}
    assert set(newsnorm.__all__) - {"__version__"} == public
    assert dir(newsnorm) == sorted(newsnorm.__all__)
    assert newsnorm.__all__ == sorted(newsnorm.__all__)


def test_public_names_belong_to_the_package() -> None:
    for name in newsnorm.__all__:
        obj = getattr(newsnorm, name)
        if hasattr(obj, "__module__") and not isinstance(obj, str):
            assert obj.__module__ == "newsnorm", name


def test_version() -> None:
    assert isinstance(newsnorm.__version__, str)
    assert newsnorm.__version__[0].isdigit()
