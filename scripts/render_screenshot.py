"""Render the bundled sample article with ``newsnorm.render`` and screenshot it with headless Chromium.

Writes ``docs/images/sample.png``, the picture shown in the README and the docs
(the HTML page it is taken from goes to a temporary directory). Needs a Chromium binary (Debian:
``apt-get install chromium``); pass another with ``--browser``.

    python scripts/render_screenshot.py [--browser chromium] [--width 1000] [--height 1100]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import newsnorm
from newsnorm._resources import read_text

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsnorm: the sample article</title>
<style>body{{margin:24px 32px;background:#fff;color:#111;font-size:17px}}
h1{{font:600 20px system-ui,sans-serif;margin:0 0 12px}}</style></head>
<body><h1>newsnorm.render(doc) &mdash; AFP, published 2024-02-08</h1>
{fragment}
</body></html>
"""


def main(argv: list[str] | None = None) -> int:
    """Build the page and take the screenshot; return the process exit status."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--browser", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    ap.add_argument("--width", type=int, default=1000)
    ap.add_argument("--height", type=int, default=1100)
    args = ap.parse_args(argv)

    text = read_text("sample.txt")
    doc = newsnorm.normalise(text, lang="en", published="2024-02-08")
    OUT.mkdir(parents=True, exist_ok=True)
    png_path = OUT / "sample.png"
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as pages:
        html_path = Path(pages) / "sample.html"
        html_path.write_text(PAGE.format(fragment=newsnorm.render(doc)), encoding="utf-8")
        cmd = [
            args.browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--screenshot={png_path}",
            f"--window-size={args.width},{args.height}",
            html_path.as_uri(),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0 or not png_path.exists():
        print(done.stderr, file=sys.stderr)
        return 1
    kinds: dict[str, int] = {}
    for m in doc.mentions:
        kinds[m.kind] = kinds.get(m.kind, 0) + 1
    print(f"wrote {png_path.relative_to(ROOT)} ({png_path.stat().st_size} bytes); mentions: {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
