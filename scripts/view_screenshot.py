"""The README's picture of the view: the golden article with a quantity's record showing. Needs the test extra (Playwright) and the system's chromium.

    python scripts/view_screenshot.py [--out docs/view.png]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "view.png")
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("error: chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    from extractor import extract
    from extractor.view import render_view

    source = (ROOT / "corpus" / "isipo_surge_in_production.txt").read_text(encoding="utf-8")
    facts = extract(source, published="2020-06-01")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_path = Path(tmp) / "view.html"
        page_path.write_text(render_view(source, facts), encoding="utf-8")
        context = p.chromium.launch_persistent_context(str(Path(tmp) / "profile"), executable_path=chromium,
                                                       headless=True, args=ARGS,
                                                       viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(page_path.as_uri())
        page.hover("#fact-q1")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out), clip={"x": 0, "y": 0, "width": 1280, "height": 900})
        context.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
