"""Make the README's pictures: the finder and a provider page, on a phone and a desktop.

    .venv/bin/python scripts/screenshots.py              # build into a temp folder first
    .venv/bin/python scripts/screenshots.py --site site  # use a site already built

Writes docs/readme/finder.png (a Holywell + companionship search) and
docs/readme/provider.png: each a small composite of the desktop view
(1280 pixels wide) and the phone view (390 pixels wide), drawn by the
browser itself, so no image library is needed. Debian's chromium does the
drawing; the site is served on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
from collections.abc import Callable
from pathlib import Path

from local_site import chromium, served
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "readme"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCALE = 0.6  # of each view in the composite: enough to read, small enough to commit
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-gpu",
    "--no-sandbox",
]


def finder(page: Page, phone: bool) -> None:
    """A Holywell + companionship search, as it first appears.

    The desktop shows the filters beside the results; the phone the place,
    the folded filters and the first result.
    """
    page.goto("find/?area=holywell&service=companionship")
    page.wait_for_function("document.querySelectorAll('#mc-results > li').length > 0")


def provider(page: Page, phone: bool) -> None:
    page.goto("providers/bryn-care/")


SHOTS = {"finder": finder, "provider": provider}

COMPOSITE = """<!doctype html>
<html><head><style>
  body {{ margin: 0; background: #e8ece8; }}
  .row {{ display: inline-flex; align-items: flex-start; gap: 24px; padding: 24px; }}
  img {{ border: 1px solid #9aa59a; box-shadow: 0 2px 8px #0003; background: #fff; }}
</style></head><body><div class="row">
  <img alt="" src="data:image/png;base64,{desktop}" width="{dw}">
  <img alt="" src="data:image/png;base64,{phone}" width="{pw}">
</div></body></html>"""


def take(page: Page, prepare: Callable[[Page, bool], None], viewport: dict[str, int]) -> bytes:
    page.set_viewport_size(viewport)
    prepare(page, viewport is PHONE)
    # No caret, no transitions caught half-way.
    page.add_style_tag(content="* { caret-color: transparent; transition: none !important; }")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    return page.screenshot()


def composite(page: Page, desktop: bytes, phone: bytes, out: Path) -> None:
    html = COMPOSITE.format(
        desktop=base64.b64encode(desktop).decode(),
        phone=base64.b64encode(phone).decode(),
        dw=round(DESKTOP["width"] * SCALE),
        pw=round(PHONE["width"] * SCALE),
    )
    page.set_viewport_size(
        {
            "width": round((DESKTOP["width"] + PHONE["width"]) * SCALE) + 3 * 24 + 4,
            "height": round(max(DESKTOP["height"], PHONE["height"]) * SCALE) + 2 * 24 + 8,
        }
    )
    page.set_content(html)
    page.locator(".row").screenshot(path=str(out))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a site already built (default: build one)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"default: {OUT}")
    args = parser.parse_args()
    executable = chromium()
    if executable is None:
        return 2

    with contextlib.ExitStack() as stack:
        base_url = stack.enter_context(served(args.site))
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=base_url, locale="en-GB")
        page = context.new_page()
        args.out.mkdir(parents=True, exist_ok=True)
        for name, prepare in SHOTS.items():
            desktop = take(page, prepare, DESKTOP)
            phone = take(page, prepare, PHONE)
            out = args.out / f"{name}.png"
            composite(page, desktop, phone, out)
            print(f"Wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
