"""GraphiQL in a real browser cut off from every other host: an admin logs in through it, puts
the token in its Headers tab and reads a query's answer from its result pane.

Needs Debian's chromium (`apt-get install chromium`) and the `playwright` package (dev extra),
which drives it without downloading a browser of its own. Skipped locally when chromium is
absent; with CI set it must run.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from api.graphiql_examples import EXAMPLE_VARIABLES
from tests.acceptance.conftest import LiveServer

try:
    from playwright.sync_api import Page, Request, Route, sync_playwright
except ImportError:  # the dev extra installs it
    if os.environ.get("CI"):
        raise
    pytest.skip("playwright is not installed", allow_module_level=True)

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOGIN = 'mutation AdminLogin { login(input: {login: "admin", password: "minqing-demo"}) { ... on LoggedIn { token } } }'
QUERY = 'query AdminView { me { username } grids(level: COMMUNITY, nameContains: "振兴路") { nodes { name } } }'


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, looked for before the live server loads its demo."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser test: apt-get install -y chromium")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return path


@dataclass
class Browser:
    """A chromium page that may reach the live server and nothing else."""

    page: Page
    own_host: str
    requested: list[str] = field(default_factory=list)  # paths asked of the live server
    elsewhere: list[str] = field(default_factory=list)  # URLs tried elsewhere (aborted)
    authorizations: list[str] = field(default_factory=list)  # Authorization headers sent

    def route(self, route: Route) -> None:
        url = urlsplit(route.request.url)
        if url.netloc == self.own_host:
            self.requested.append(url.path)
            route.continue_()
        else:
            self.elsewhere.append(route.request.url)
            route.abort()

    def note_authorization(self, request: Request) -> None:
        header = request.headers.get("authorization")
        if header:
            self.authorizations.append(header)


@pytest.fixture
def browser(chromium: str, live_server: LiveServer) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            page = chromium.new_page(viewport={"width": 1400, "height": 900})
            browser = Browser(page, own_host=urlsplit(live_server.url).netloc)
            page.route("**/*", browser.route)
            page.on("request", browser.note_authorization)
            yield browser
        finally:
            chromium.close()


def replace_editor_text(page: Page, editor: str, text: str, stored_as: str) -> None:
    """Select all of one of GraphiQL's editors and type ``text`` in its place.

    GraphiQL takes an edit in after 100 ms (then stores it in localStorage as ``stored_as``):
    run before that and it sends what was there before.
    """
    page.click(f"{editor} .CodeMirror-lines")
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(text)
    page.keyboard.press("Escape")  # closes the completion list over the ▶ button, if any
    page.wait_for_function(
        "([key, text]) => window.localStorage.getItem(key) === text",
        arg=[f"graphiql:{stored_as}", text],
    )


def editor_text(page: Page, editor: str) -> str:
    value: str = page.evaluate(
        "(selector) => document.querySelector(selector + ' .CodeMirror').CodeMirror.getValue()",
        editor,
    )
    return value


def run_and_read(page: Page, text: str) -> dict[str, object]:
    """Put ``text`` in the query editor, press ▶, and read the JSON of the result pane."""
    before = editor_text(page, ".result-window")
    replace_editor_text(page, ".graphiql-query-editor", text, stored_as="query")
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        """(before) => {
            const value = document.querySelector('.result-window .CodeMirror').CodeMirror.getValue();
            return value !== before && value.trim().startsWith('{');
        }""",
        arg=before,
        timeout=20_000,
    )
    result: dict[str, object] = json.loads(editor_text(page, ".result-window"))
    return result


def test_an_admin_logs_in_and_queries_through_graphiql_with_no_other_host_reachable(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    page = browser.page

    # given: GraphiQL, opened on minqing's examples and their sample variables
    page.goto(f"{live_server.url}/graphql")
    page.wait_for_selector(".graphiql-query-editor .CodeMirror", timeout=30_000)
    assert page.title() == "minqing"
    assert "mutation DispatchCase" in editor_text(page, ".graphiql-query-editor")
    tool = ".graphiql-editor-tool .graphiql-editor:not(.hidden)"  # the Variables or Headers tab
    assert json.loads(editor_text(page, tool)) == EXAMPLE_VARIABLES

    # when: the admin runs the login mutation in GraphiQL
    login = run_and_read(page, LOGIN)
    token = login["data"]["login"]["token"]  # type: ignore[index]
    assert token.startswith("mqs_")

    # and puts the token in the Headers tab, then runs a query
    page.get_by_role("button", name="Headers").click()
    header = json.dumps({"Authorization": f"Bearer {token}"})
    replace_editor_text(page, tool, header, stored_as="headers")
    answer = run_and_read(page, QUERY)

    # then: the answer in the result pane is the admin's, sent with the Headers tab's token
    assert answer["data"] == {
        "me": {"username": "admin"},
        "grids": {"nodes": [{"name": "振兴路社区"}]},
    }
    assert browser.authorizations == [f"Bearer {token}"]
    assert "振兴路社区" in page.inner_text(".result-window")
    page.screenshot(path=str(tmp_path / "graphiql.png"))

    # and everything came from minqing: the page, its six assets, the operations
    assert browser.elsewhere == []
    assets = sorted({path for path in browser.requested if path.startswith("/graphql/static/")})
    assert assets == [
        "/graphql/static/graphiql-3.8.3/graphiql.min.css",
        "/graphql/static/graphiql-3.8.3/graphiql.min.js",
        "/graphql/static/plugin-explorer-1.0.2/index.umd.js",
        "/graphql/static/plugin-explorer-1.0.2/style.css",
        "/graphql/static/react-18.2.0/react.production.min.js",
        "/graphql/static/react-dom-18.2.0/react-dom.production.min.js",
    ]
    assert set(browser.requested) == {"/graphql", *assets}
