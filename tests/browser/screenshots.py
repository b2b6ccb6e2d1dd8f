"""Screenshots of the pages the browser tests visit, to look at: saved only when the
BROWSER_SCREENSHOTS environment variable names a folder, since taking them costs seconds a test
and asserts nothing."""

import os
from pathlib import Path


def keep_screenshot(target, name, full_page=True):
    """Save a screenshot of `target` (a page or a locator) as NAME.png in BROWSER_SCREENSHOTS."""
    folder = os.environ.get("BROWSER_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    options = {"full_page": full_page} if hasattr(target, "goto") else {}
    target.screenshot(path=str(Path(folder) / f"{name}.png"), **options)
