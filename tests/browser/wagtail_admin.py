"""Driving Wagtail's admin in headless Chromium as a person would: logging in, menus, the editor's
footer actions and workflow dialogs, and waiting for autosave."""

import sys
import threading
import traceback

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 20


def wait_for(driver, condition, *, timeout: float = WAIT_SECONDS):
    """Waits until ``condition(driver)`` returns something truthy, and returns it."""
    return WebDriverWait(driver, timeout).until(condition)


def shown(driver, selector: str) -> list[WebElement]:
    return [element for element in driver.find_elements(By.CSS_SELECTOR, selector) if element.is_displayed()]


def wait_for_shown(driver, selector: str) -> WebElement:
    return wait_for(driver, lambda d: shown(d, selector))[0]


def click(driver, element: WebElement) -> None:
    """Scrolls ``element`` to the middle of the screen at once, then clicks it. Wagtail's main area scrolls
    smoothly, and a click aimed while it glides lands on whatever has moved under the pointer."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def click_text(driver, selector: str, text: str) -> None:
    """Clicks the shown element matching ``selector`` whose visible text is ``text``."""
    element = wait_for(driver, lambda d: [e for e in shown(d, selector) if e.text.strip() == text])[0]
    click(driver, element)


def log_in(driver, base_url: str, username: str, password: str) -> None:
    driver.get(base_url + "/admin/login/")
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(password)
    click(driver, driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    wait_for(driver, lambda d: "/admin/login/" not in d.current_url)


def log_out(driver) -> None:
    """Ends the session the way closing a shared browser's window would: every cookie goes."""
    driver.delete_all_cookies()


def open_sidebar_menu(driver, item: str) -> None:
    """Opens the sidebar (a button on a phone) and then its menu ``item``."""
    toggle = shown(driver, ".sidebar-nav-toggle--mobile")
    if toggle:
        click(driver, toggle[0])
    click_text(driver, "#wagtail-sidebar a, #wagtail-sidebar button", item)


def footer_action(driver, selector: str) -> WebElement:
    """A button from the editor's footer, opening the "more actions" menu when it is folded in there."""
    if not shown(driver, f"footer {selector}"):
        click(driver, driver.find_element(By.CSS_SELECTOR, "footer .w-dropdown__toggle"))
    return wait_for_shown(driver, f"footer {selector}")


# Wagtail's autosave announces each save it sends and each success; this keeps the form data of the
# latest save that succeeded, so a test can wait for a given text to be on the server.
WATCH_AUTOSAVE = """
if (!window.autosaveWatch) {
    window.autosaveWatch = {sent: "", saved: ""};
    document.addEventListener("w-autosave:save", event => {
        window.autosaveWatch.sent = [...event.detail.formData.values()].filter(v => typeof v === "string").join("\\n");
    });
    document.addEventListener("w-autosave:success", () => { window.autosaveWatch.saved = window.autosaveWatch.sent; });
    // Every request the page makes, for the message of a save that never comes back.
    window.autosaveWatch.requests = [];
    const fetch = window.fetch;
    window.fetch = (...args) => {
        const request = {url: String(args[0]), sent: Math.round(performance.now())};
        window.autosaveWatch.requests.push(request);
        const answered = status => Object.assign(request, {answered: Math.round(performance.now()), status});
        return fetch(...args).then(
            response => { answered(response.status); return response; },
            error => { answered(String(error)); throw error; },
        );
    };
}
"""


def open_editor(driver) -> None:
    """Waits until the editor page that is loading is ready to be typed into, and starts following its
    autosave. Wagtail notes what the form holds about two seconds after it appears and autosaves what
    differs from that: anything typed earlier would count as already saved. Its change watcher marks
    the form once it has taken that note."""
    wait_for_shown(driver, "#id_title")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "form[data-edit-form][data-w-unsaved-has-edits-value]"))
    driver.execute_script(WATCH_AUTOSAVE)


def autosaved(driver) -> str:
    return driver.execute_script("return window.autosaveWatch.saved")


def autosave_indicator(driver, attribute: str) -> str | None:
    indicator = driver.find_elements(By.ID, "w-autosave-indicator")
    return indicator[0].get_attribute(attribute) if indicator else None


def autosave_state(driver) -> str | None:
    return autosave_indicator(driver, "data-w-autosave-state-value")


def server_threads() -> str:
    """Where every other thread of this process is: the live server answers in threads of the test's own
    process, so a save that never comes back shows here what it is waiting on."""
    names = {thread.ident: thread.name for thread in threading.enumerate()}
    return "\n".join(
        f"--- {names.get(ident, ident)}\n{''.join(traceback.format_stack(frame))}"
        for ident, frame in sys._current_frames().items()
        if ident != threading.get_ident()
    )


def wait_until_autosaved(driver, text: str) -> None:
    """Waits for Wagtail's autosave to have saved ``text``. On a new page, the first autosave also turns the
    create form into the edit form (its address becomes /edit/): a submission before then would create
    the story a second time."""
    try:
        wait_for(driver, lambda d: text in autosaved(d))
        wait_for(driver, lambda d: "/edit/" in d.current_url and autosave_state(d) == "saved")
    except TimeoutException:
        raise AssertionError(
            f"autosave did not keep {text!r}: it is {autosave_state(driver)!r} at {driver.current_url} "
            f"({autosave_indicator(driver, 'data-w-tooltip-content-value')!r}); last saved: {autosaved(driver)!r}\n"
            f"Requests at {driver.execute_script('return Math.round(performance.now())')} ms: "
            f"{driver.execute_script('return window.autosaveWatch.requests')}\n"
            f"Server threads:\n{server_threads()}"
        ) from None


def submit_workflow_dialog(driver, comment: str) -> None:
    """Fills the comment of the workflow action's dialog and confirms it."""
    field = wait_for_shown(driver, ".modal textarea[name=comment]")
    field.send_keys(comment)
    click(driver, wait_for_shown(driver, ".modal form button[type=submit]"))
