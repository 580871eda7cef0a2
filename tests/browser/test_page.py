"""Browser test of the page and the org charts, in headless Chromium driven by Selenium.

Run by `.ci/run` after `cargo test`:  python tests/browser/test_page.py target/debug/govgraph
It writes the page with `govgraph export --format html`, opens it, searches a person by an
Arabic spelling, opens their page, checks their posts and a quoted sentence, tries the
as-of selector and the path page, and saves screenshots under target/browser/. Then it
renders every committed org chart (graphs/*.svg) and checks it as an image: it has a size,
fits the width we promise, and each holder's name is drawn inside its body's box.
Chromium and chromedriver are required: without them the test fails, it never skips.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "target" / "browser"


def fail(message):
    print(f"browser test FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def find_tool(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    fail(f"none of {names} is installed (apt-get install chromium chromium-driver)")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = find_tool("chromium", "chromium-browser")
    for flag in [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tempfile.mkdtemp(prefix='govgraph-chromium-')}",
        "--window-size=1400,1000",
    ]:
        options.add_argument(flag)
    service = Service(find_tool("chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def check(condition, message):
    if not condition:
        fail(message)


def test_page(driver, govgraph):
    page = OUT / "graph.html"
    subprocess.run(
        [govgraph, "export", "--format", "html", "--data", str(ROOT / "data"), "-o", str(page)],
        check=True,
    )
    driver.get(page.as_uri())
    wait = WebDriverWait(driver, 10)
    box = wait.until(lambda d: d.find_element(By.ID, "search"))
    # The Arabic spelling of the sources with a tatweel (ـ) stretching one letter: the search
    # folds it away, as the command line's lookup does.
    box.send_keys("هوانـغ فان نغييم")
    box.send_keys(Keys.ENTER)
    wait.until(lambda d: "#e/person" in d.current_url)
    heading = driver.find_element(By.TAG_NAME, "h1").text
    check(heading == "Hoang Van Nghiem", f"person page heading is {heading!r}")
    text = driver.find_element(By.ID, "main").text
    for expected in ["Secretary", "Lang Son Provincial Party Committee", "as of 2025-08-04",
                     "National Assembly Delegation of Lang Son Province", "Working Group No. 1"]:
        check(expected in text, f"person page lacks {expected!r}:\n{text}")
    quotes = [q.text for q in driver.find_elements(By.CSS_SELECTOR, "blockquote.quote")]
    check(any("سكرتير لجنة الحزب الإقليمية" in q for q in quotes),
          f"no quoted sentence with the post's Arabic title: {quotes}")
    driver.save_screenshot(str(OUT / "person.png"))
    # Every fact links to its evidence.
    driver.find_element(By.CSS_SELECTOR, "a.evidence").click()
    wait.until(lambda d: "#r/" in d.current_url)
    check(driver.find_elements(By.CSS_SELECTOR, "blockquote.quote"), "fact page shows no quote")
    driver.back()
    wait.until(lambda d: "#e/person" in d.current_url)
    # The as-of selector: before the first report nothing is in force.
    asof = driver.find_element(By.ID, "asof")
    asof.send_keys("2020-01-01")
    asof.send_keys(Keys.TAB)
    wait.until(lambda d: "no posts in force" in d.find_element(By.ID, "main").text)
    asof.clear()
    asof.send_keys(Keys.TAB)
    # A search in Latin letters without diacritics, then a province page with its chart.
    driver.get(page.as_uri() + "#e/area:lang-son")
    text = wait.until(lambda d: d.find_element(By.ID, "main")).text
    for expected in ["Org chart", "Standing Deputy Secretary", "Working Group No. 9", "Communes and wards"]:
        check(expected in text, f"province page lacks {expected!r}")
    driver.save_screenshot(str(OUT / "province.png"))
    driver.get(page.as_uri() + "#path/person:hoang-van-nghiem/person:doan-thi-hau")
    steps = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "ol.path li"))
    check(len(steps) >= 2 and "Doan Thi Hau" in steps[-1].text, "no path between two people")


def test_charts(driver):
    charts = sorted((ROOT / "graphs").glob("*.svg"))
    check(charts, "no SVG charts in graphs/")
    for svg in charts:
        driver.get(svg.as_uri())
        size = driver.execute_script(
            "var s = document.querySelector('svg'); var b = s.getBoundingClientRect();"
            "return [b.width, b.height, document.querySelectorAll('text').length];"
        )
        check(size[0] > 100 and size[1] > 100 and size[2] > 5, f"{svg.name} renders as {size}")
        driver.save_screenshot(str(OUT / (svg.stem + ".png")))
        if svg.name != "org-chart.svg" and not svg.stem.endswith("-groups"):
            check(size[0] <= 1700, f"{svg.name} is {size[0]:.0f} px wide, more than a screen")
    # Each holder is drawn inside the box of the body whose post they hold.
    driver.get((ROOT / "graphs" / "lang-son.svg").as_uri())
    inside = driver.execute_script(
        """
        var out = {};
        document.querySelectorAll('g.node').forEach(function (g) {
          var title = g.querySelector('title').textContent;
          var box = g.getBoundingClientRect();
          g.querySelectorAll('text').forEach(function (t) {
            var b = t.getBoundingClientRect();
            var within = b.left >= box.left - 1 && b.right <= box.right + 1 &&
                         b.top >= box.top - 1 && b.bottom <= box.bottom + 1;
            if (within) (out[t.textContent] = out[t.textContent] || []).push(title);
          });
        });
        return out;
        """
    )
    for name, body in [("Hoang Van Nghiem", "org:lang-son-party-committee"),
                       ("Doan Thi Hau", "org:lang-son-peoples-council"),
                       ("Ho Tien Thieu", "org:lang-son-peoples-committee"),
                       ("Phung Quang Hoi", "org:dong-kinh-party-committee")]:
        check(body in inside.get(name, []), f"{name} is not drawn inside {body}: {inside.get(name)}")


def main():
    if len(sys.argv) != 2:
        fail("usage: test_page.py path/to/govgraph")
    OUT.mkdir(parents=True, exist_ok=True)
    driver = browser()
    try:
        test_page(driver, os.path.abspath(sys.argv[1]))
        test_charts(driver)
    finally:
        driver.quit()
    print(f"browser test passed; screenshots in {OUT}")


if __name__ == "__main__":
    main()
