from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsnorm.cli import main


def run(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        old = sys.stdin
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv), stdout=out, stderr=err)
    finally:
        if stdin is not None:
            sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def test_sample() -> None:
    code, out, _ = run("--sample")
    assert code == 0
    doc = json.loads(out)
    assert doc["lang"] == "en"
    assert doc["published"] == "2024-02-08"
    assert doc["source"].startswith("Hamas 'open' to more ceasefire talks")


def test_installed_command_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "newsnorm", "--sample", "--only", "numbers"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["lang"] == "en"


def test_text_file_and_options(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("They met on Thursday in Cairo.", encoding="utf-8")
    code, out, _ = run(str(f), "--lang", "en", "--published", "2024-02-08", "--text")
    assert code == 0
    assert out == "They met on Thursday in Cairo.\n"


def test_stdin() -> None:
    code, out, _ = run("--lang", "en", stdin="hello")
    assert code == 0
    assert json.loads(out)["source"] == "hello"


def test_jsonl_bad_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text(
        '{"id": 1, "text": "one", "lang": "en"}\n'
        "not json\n"
        '{"id": 3, "text": "three", "lang": "english"}\n'
        "\n"
        '{"id": 5, "text": "five", "lang": "en", "published": "2024-02-08"}\n',
        encoding="utf-8",
    )
    code, out, err = run(str(f))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [1, 5]
    assert "line 2" in err
    assert "line 3" in err


def test_jsonl_strict_stops(tmp_path: Path) -> None:
    f = tmp_path / "c.txt"
    f.write_text('{"text": "one", "lang": "en"}\n[1]\n{"text": "three", "lang": "en"}\n', encoding="utf-8")
    code, out, err = run(str(f), "--jsonl", "--strict")
    assert code == 1
    assert len(out.splitlines()) == 1
    assert "line 2" in err


def test_only_unknown_kind() -> None:
    code, _, err = run("--only", "nope", "--sample")
    assert code == 2
    assert "Available names" in err


def test_bad_lang_is_usage_error() -> None:
    code, _, err = run("--lang", "english", stdin="x")
    assert code == 2
    assert "'lang' must be" in err


def test_missing_file() -> None:
    code, _, err = run("/no/such/file.txt")
    assert code == 1
    assert "cannot read" in err


def test_list_and_version() -> None:
    code, out, _ = run("--list")
    assert code == 0
    assert "places" in out.split()
    code, out, _ = run("--version")
    assert out.startswith("newsnorm ")


def test_html_output(tmp_path: Path) -> None:
    page = tmp_path / "v.html"
    code, _, _ = run("--sample", "--html", str(page))
    assert code == 0
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize("flag", ["--help"])
def test_help(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([flag])
    assert info.value.code == 0
    assert "newsnorm" in capsys.readouterr().out


def test_jsonl_in_batches_gives_one_call_per_record(tmp_path: Path) -> None:
    """Records cross several batches of ``Pipeline.map``; a bad one in a batch is reported alone, in order."""
    import newsnorm

    texts = [f"Turkey said on Thursday that {n} trucks crossed into Gaza." for n in range(300)]
    lines = [json.dumps({"id": n, "text": t, "lang": "en", "published": "2024-02-08"}) for n, t in enumerate(texts)]
    lines[200] = json.dumps({"id": 200, "text": texts[200], "lang": "en", "published": "yesterday"})
    f = tmp_path / "c.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(str(f))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [n for n in range(300) if n != 200]
    assert err.count("newsnorm: line") == 1
    assert "line 201" in err
    assert "published" in err
    expected = newsnorm.normalise(texts[250], "en", "2024-02-08").to_dict()
    assert rows[249] == {"id": 250, **json.loads(json.dumps(expected, ensure_ascii=False))}
