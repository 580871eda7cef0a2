"""How long the page and the charts of a built graph take to load in headless Chromium.

    target/browser-venv/bin/python tests/browser/load_time.py GRAPHS_DIR [--runs N]

For `index.html`: from navigation start until the page's script has parsed the embedded
graph and drawn the first view (the search box is there and `#main` has content), and until
a search answers. For every `*.svg`: from navigation start to the load event. Each is the
median of N runs (default 5) in a fresh tab; a figure over 2 s fails (issue 13).
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_page import browser, check  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

LIMIT = 2.0


def page_times(driver, page):
    start = time.perf_counter()
    driver.get(page.as_uri())
    wait = WebDriverWait(driver, 30, poll_frequency=0.01)
    wait.until(lambda d: d.find_element(By.ID, "main").text.strip())
    shown = time.perf_counter() - start
    box = driver.find_element(By.ID, "search")
    start = time.perf_counter()
    box.send_keys("Hoang Van Nghiem")
    box.send_keys(Keys.ENTER)
    wait.until(lambda d: "#e/" in d.current_url or "#search" in d.current_url)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text.strip())
    searched = time.perf_counter() - start
    return shown, searched


def svg_time(driver, svg):
    driver.get(svg.as_uri())
    return driver.execute_script(
        "var t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd / 1000;"
    )


def main(argv):
    runs = 5
    if "--runs" in argv:
        i = argv.index("--runs")
        runs = int(argv[i + 1])
        del argv[i : i + 2]
    folder = Path(argv[0])
    page = folder / "index.html"
    driver = browser()
    try:
        rows = []
        shown, searched = zip(*[page_times(driver, page) for _ in range(runs)])
        rows.append((f"index.html ({page.stat().st_size // 1024} KB), first view", statistics.median(shown)))
        rows.append(("index.html, a search answered", statistics.median(searched)))
        for svg in sorted(folder.glob("*.svg")):
            times = [svg_time(driver, svg) for _ in range(runs)]
            rows.append((f"{svg.name} ({svg.stat().st_size // 1024} KB)", statistics.median(times)))
    finally:
        driver.quit()
    for name, seconds in rows:
        print(f"{seconds:6.3f} s  {name}")
    slow = [name for name, seconds in rows if seconds > LIMIT]
    check(not slow, f"slower than {LIMIT} s: {slow}")


if __name__ == "__main__":
    main(sys.argv[1:])
