"""Headless Chromium for the browser tests: starting it, sizing the screen, screenshots and axe-core checks."""

import base64
import json
import tempfile
from pathlib import Path

from django.conf import settings
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOT_DIR = Path(settings.BASE_DIR) / "test-output" / "screenshots"
PHONE_WIDTH, DESKTOP_WIDTH = 360, 1280
BLOCKING_IMPACTS = ("serious", "critical")


# Every host name but the live server's fails to resolve inside Chromium, so a page that tries to reach
# another site is seen in the request log without any lookup or traffic leaving the machine.
LOCAL_ONLY_RESOLVER = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"


def start_chromium(profile_dir: str, *, javascript: bool = True, record_requests: bool = False) -> webdriver.Chrome:
    """A headless Chromium with a fresh profile, so no state leaks between sessions.

    With ``record_requests``, every request is kept for requested_urls() and no other host resolves."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile_dir}"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    if record_requests:
        options.add_argument(LOCAL_ONLY_RESOLVER)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))


def requested_urls(driver: webdriver.Chrome) -> list[str]:
    """Every URL the browser asked for (documents, subresources, frames, sockets) since the last call."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
        elif message["method"] == "Network.webSocketCreated":
            urls.append(message["params"]["url"])
    return urls


def run_before_every_page(driver: webdriver.Chrome, script: str) -> None:
    """Runs ``script`` in every document and frame before the page's own scripts."""
    driver.execute_cdp_cmd("Page.enable", {})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": script})


def fresh_profile_dir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="mahalleh-chromium-")


def set_screen_width(driver: webdriver.Chrome, width: int, height: int = 800) -> None:
    """Emulates a screen of ``width`` CSS pixels (a phone below 600, touch and all)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def wait_until_painted(driver: webdriver.Chrome) -> None:
    """Waits for web fonts and every shown image to finish loading, so screenshots show the real page. A lazy
    image inside something hidden (the admin's folded account menu) never loads, so it is not waited for."""
    driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const shown = img => img.getClientRects().length > 0;
        const loading = [...document.images].filter(img => !img.complete && shown(img));
        const images = loading.map(img => img.decode().catch(() => null));
        Promise.all([document.fonts.ready, ...images]).then(() => done());
        """
    )


def content_height(driver: webdriver.Chrome) -> int:
    """The height that shows the whole page: the document's, or more where the page's main area scrolls
    inside a screen-high frame, as it does in Wagtail's admin."""
    return driver.execute_script(
        """
        const main = document.querySelector("main");
        const scrolls = main && main.scrollHeight > main.clientHeight;
        const inner = scrolls ? main.scrollHeight + main.getBoundingClientRect().top : 0;
        return Math.max(document.documentElement.scrollHeight, inner);
        """
    )


def save_full_page_screenshot(driver: webdriver.Chrome, name: str, width: int) -> Path:
    """Saves the whole page, as laid out on a screen ``width`` pixels wide, to test-output/screenshots/."""
    set_screen_width(driver, width)
    height = content_height(driver)
    set_screen_width(driver, width, height)
    # A taller screen gives an inner scrolling area more room, and it may then lay out taller still.
    height = max(height, content_height(driver))
    set_screen_width(driver, width, height)
    wait_until_painted(driver)
    clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": clip})
    set_screen_width(driver, width)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}-{width}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def horizontal_overflow(driver: webdriver.Chrome) -> int:
    """How many CSS pixels the page is wider than the screen (0 when nothing scrolls sideways)."""
    return driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")


# Parts of Wagtail's admin that it parks beyond the screen's edge on a phone on purpose, until they are
# opened: the side panels, the collapsed minimap, and the comment buttons in the gutter under it.
PARKED_OFF_SCREEN = ".form-side, .w-minimap, .w-field__comment-button, [hidden], .w-sr-only, [aria-hidden=true]"


def cut_off_at_the_sides(driver: webdriver.Chrome, root: str = "main") -> list[str]:
    """Visible elements inside ``root`` that reach past the left or right edge of the screen, where no
    sideways scrolling brings them back. The admin's main area hides what is wider than the screen instead
    of scrolling to it, so horizontal_overflow() stays 0 there while content is cut off: this finds it."""
    return driver.execute_script(
        """
        const [root, parked] = arguments;
        const width = document.documentElement.clientWidth;
        // What sits in a box that scrolls sideways (the admin's breadcrumbs) can be swiped into view.
        const inSidewaysScroller = element => {
            for (let box = element.parentElement; box && !box.matches(root); box = box.parentElement) {
                if (["auto", "scroll"].includes(getComputedStyle(box).overflowX)) return true;
            }
            return false;
        };
        return [...document.querySelectorAll(root + " *")]
            .filter(element => !element.closest(parked) && !inSidewaysScroller(element))
            .filter(element => {
                const box = element.getBoundingClientRect();
                const style = getComputedStyle(element);
                return box.width && box.height && style.visibility !== "hidden" && style.opacity !== "0"
                    && (box.right > width + 1 || box.left < -1);
            })
            .map(element => {
                const box = element.getBoundingClientRect();
                const classes = typeof element.className === "string" ? element.className.trim().split(/\\s+/) : [];
                const id = element.id ? "#" + element.id : "";
                const name = element.tagName.toLowerCase() + id + classes.map(c => c && "." + c).join("");
                return `${name} from ${Math.round(box.left)} to ${Math.round(box.right)}px`;
            });
        """,
        root,
        PARKED_OFF_SCREEN,
    )


def axe_violations(driver: webdriver.Chrome) -> list[dict]:
    """Runs axe-core on the current page; returns its serious and critical violations."""
    driver.execute_script(AXE_SCRIPT.read_text(encoding="utf-8"))
    results = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ["violations"]}).then(done, error => done({error: String(error)}));
        """
    )
    if "error" in results:
        raise RuntimeError(f"axe-core failed: {results['error']}")
    return [violation for violation in results["violations"] if violation["impact"] in BLOCKING_IMPACTS]


def describe_violations(violations: list[dict]) -> str:
    """One paragraph per violation: the rule, why it matters, and the offending elements."""
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(node['target'])}: {node['failureSummary'].replace(chr(10), ' ')}")
    return "\n".join(lines)
