"""Take ``docs/dashboard.png``: a real lesson dashboard in Chromium.

Run ``python bench/screenshot.py``. Voila scrolls inside an inner element, so a full-page
screenshot shows only the viewport: this
screenshots the dashboard's own element (control panel, figure and its source line) in a tall
viewport, served with the kit's presentation settings (``helpers.present``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KIT_ROOT = HERE.parent
sys.path.insert(0, str(KIT_ROOT / "tests"))
sys.path.insert(0, str(HERE))

import run  # noqa: E402,F401 - sets the Jupyter/matplotlib folders to a temp dir

from voila_harness import (  # noqa: E402
    chromium_browser,
    locate_panels,
    page_errors,
    time_to_first_widget,
    voila_server,
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python bench/screenshot.py", description=__doc__)
    ap.add_argument("--notebook", default="01_hebei_structure")
    ap.add_argument("--out", type=Path, default=KIT_ROOT / "docs" / "dashboard.png")
    ns = ap.parse_args(argv)
    with voila_server() as srv, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 3000},
                                device_scale_factor=1)
        time_to_first_widget(page, srv.render_url(ns.notebook))
        problems = page_errors(page)
        if problems:
            print(f"the dashboard shows errors: {problems}", file=sys.stderr)
            return 1
        panels = [p for p in locate_panels(page) if p["has_figure"]]
        if not panels:
            print("no kit dashboard in this notebook", file=sys.stderr)
            return 1
        # the dashboard: the nearest element holding both the panel and its figure
        box = page.locator(f'[data-kit-panel="{panels[0]["index"]}"]').locator("xpath=..")
        box.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        ns.out.parent.mkdir(parents=True, exist_ok=True)
        b = box.bounding_box()
        pad = 16  # a margin, so the panel's edges are not cut
        page.screenshot(path=str(ns.out), clip={
            "x": max(0, b["x"] - pad), "y": max(0, b["y"] - pad),
            "width": b["width"] + 2 * pad, "height": b["height"] + 2 * pad})
        print(f"wrote {ns.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
