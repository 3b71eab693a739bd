"""The web pages in a real browser: Debian's headless Chromium driven by Playwright.

Setup installs what is missing: Playwright for Python with pip, and (as root) Chromium with
apt-get. When that is not possible the tests FAIL with the commands to run; they never skip.
Playwright's own browser download (``playwright install``) is never used: the tests launch
``/usr/bin/chromium`` (or ``$POLICYKG_CHROMIUM``).

Checked: every page loads without console errors, page errors or requests leaving the app;
the agency network renders more than ten nodes, filters and answers a click with the
agency's roles; the document page highlights its facts; a plan carrying script and
attribute-breaking quotes shows them as text and runs nothing. Screenshots go to
``tests/artifacts/`` (git-ignored); with ``--update-golden`` the network's is copied to
``docs/img/agency-network.png`` (the README's picture).
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import LiveServer
from test_pages import NGHE_AN, PAYLOAD_ATTR, PAYLOAD_SCRIPT, hostile_plan

from policykg.api.app import create_app
from policykg.api.settings import Settings
from policykg.graph.dataset import load_vocabulary
from policykg.graph.store import EmbeddedStore
from policykg.load.documents import ingest_file
from policykg.ontology.iri import IriMinter

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
README_SHOT = ROOT / "docs" / "img" / "agency-network.png"
CHROMIUM = os.environ.get("POLICYKG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HELP = (
    "install the browser test requirements:\n"
    "  apt-get update && apt-get install -y chromium        # Debian's Chromium, as root\n"
    "  .venv/bin/pip install playwright                      # never `playwright install`"
)


# --- setup: install what is missing, or fail saying how ----------------------------------------


def _ensure_playwright() -> Any:
    try:
        return importlib.import_module("playwright.sync_api")
    except ImportError:
        pass
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "playwright"],
        capture_output=True,
        text=True,
        check=False,
    )
    importlib.invalidate_caches()
    try:
        return importlib.import_module("playwright.sync_api")
    except ImportError:
        pytest.fail(
            f"Playwright is missing and pip could not install it:\n{done.stderr}\n{INSTALL_HELP}"
        )


def _ensure_chromium() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    log = ""
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium"]):
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
            log += done.stdout[-2000:] + done.stderr[-2000:]
    if Path(CHROMIUM).exists():
        return CHROMIUM
    pytest.fail(f"{CHROMIUM} is missing and could not be installed.\n{log}\n{INSTALL_HELP}")


@dataclass
class Watched:
    """What one page did: console errors, uncaught errors, dialogs, outside requests."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    api = _ensure_playwright()
    with api.sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    path = _ensure_chromium()
    b = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
    yield b
    b.close()


@pytest.fixture()
def context(browser: Browser) -> Iterator[BrowserContext]:
    with tempfile.TemporaryDirectory(prefix="policykg-chromium-"):
        ctx = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN")
        yield ctx
        ctx.close()


def open_page(context: BrowserContext, server: str) -> tuple[Page, Watched]:
    """A page whose console errors, dialogs and requests outside ``server`` are recorded
    (outside requests are aborted)."""
    page = context.new_page()
    seen = Watched()
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.errors.append(str(e)))

    def on_dialog(dialog: Any) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)

    def route(r: Any) -> None:
        if r.request.url.startswith(server + "/"):
            r.continue_()
        else:
            seen.outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return page, seen


def shot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=False)
    return path


def wait_until(check: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll ``check`` from Python (``wait_for_function`` evaluates strings, which the CSP
    forbids)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


# --- the pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("/", "table.documents"),
        ("/network", "#cy[data-nodes]"),
        (f"/documents/{NGHE_AN}/page", "pre.text a.hl"),
        ("/documents/ttg/2020/qd/1322-qd-ttg/page", "ul.chain"),
        ("/sparql", ".yasqe"),
    ],
)
def test_page_loads_clean(
    context: BrowserContext, live_server: LiveServer, path: str, ready: str
) -> None:
    page, seen = open_page(context, live_server.url)
    response = page.goto(live_server.url + path)
    assert response is not None and response.status == 200
    page.wait_for_selector(ready, timeout=15_000)
    page.wait_for_load_state("networkidle")
    name = path.strip("/").replace("/", "_") or "index"
    shot(page, f"page-{name}.png")
    assert seen.errors == [], seen.errors
    assert seen.outside == [], seen.outside
    assert seen.dialogs == []


def test_network_renders_filters_and_shows_roles(
    context: BrowserContext, live_server: LiveServer, update_golden: bool
) -> None:
    page, seen = open_page(context, live_server.url)
    page.goto(live_server.url + "/network")
    page.wait_for_selector("#cy[data-nodes]", timeout=15_000)
    total = page.evaluate("window.policykgNetwork.nodes().length")
    assert total > 10
    assert page.locator("#cy canvas").count() >= 1
    # node size follows centrality: the most central node is drawn the largest
    sizes = page.evaluate(
        """() => window.policykgNetwork.nodes().map(n =>
            [n.data('centrality'), n.renderedWidth()])"""
    )
    biggest = max(sizes, key=lambda s: s[0])
    assert biggest[1] == max(s[1] for s in sizes)
    shot(page, "agency-network.png")

    # a real mouse click on the most central agency lists its roles, with plan links
    target = page.evaluate(
        """() => {
            const cy = window.policykgNetwork;
            const n = cy.nodes().max(n => n.data('centrality')).ele;
            const box = document.getElementById('cy').getBoundingClientRect();
            const p = n.renderedPosition();
            return {id: n.id(), label: n.data('label'), x: box.left + p.x, y: box.top + p.y};
        }"""
    )
    page.mouse.click(target["x"], target["y"])
    page.wait_for_selector("#roles .role-group", timeout=10_000)
    heading = page.locator("#roles h2").inner_text()
    selected = page.evaluate("window.policykgNetwork.$('node:selected').data('label')")
    assert heading == selected
    plans = page.locator("#roles a.plan")
    assert plans.count() >= 1
    hrefs = {plans.nth(i).get_attribute("href") for i in range(plans.count())}
    assert any(h and h.endswith("/page") for h in hrefs), hrefs
    path = shot(page, "agency-network-roles.png")
    if update_golden:  # `pytest --update-golden` refreshes the README's picture
        README_SHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, README_SHOT)

    # the province filter reloads a smaller network; an edge type can be hidden
    page.select_option("#f-province", "Nghệ An")
    count = "window.policykgNetwork.nodes().length"
    wait_until(lambda: page.evaluate(count) < total)
    assert page.evaluate("window.policykgNetwork.nodes().length") > 10
    export = page.locator("a.export[data-format=graphml]").get_attribute("href") or ""
    assert "province=" in export
    visible = "window.policykgNetwork.edges().filter(e => e.visible()).length"
    before = page.evaluate(visible)
    page.uncheck("#f-edges input[value=lead_coordinator]")
    after = page.evaluate(visible)
    assert 0 < after < before
    assert seen.errors == [] and seen.outside == []


def test_document_page_highlights_facts(context: BrowserContext, live_server: LiveServer) -> None:
    page, seen = open_page(context, live_server.url)
    page.goto(f"{live_server.url}/documents/{NGHE_AN}/page")
    page.wait_for_selector("pre.text a.hl")
    for kind in ("citation", "agency", "task", "target", "duty"):
        assert page.locator(f"pre.text a.hl.k-{kind}").count() >= 1, kind
    citation = page.locator("pre.text a.hl.k-citation").first
    colour = citation.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "1322/QĐ-TTg" in citation.inner_text()
    shot(page, "document-page.png")
    # the legend hides one kind of highlight
    page.uncheck("#legend input[name=citation]")
    colour = citation.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgba(0, 0, 0, 0)"
    # a highlight links to its node, which dereferences to its description
    href = citation.get_attribute("href") or ""
    assert href.startswith("/eli/vn/nghe-an/2021/kh/683-kh-ubnd/citation/")
    citation.click()
    page.wait_for_load_state()
    assert "/data/eli/vn/nghe-an/" in page.url and "1322" in page.content()
    assert seen.errors == [] and seen.outside == []


def test_plan_text_never_runs_as_script(
    context: BrowserContext, minter: IriMinter, tmp_path: Path
) -> None:
    store = EmbeddedStore()
    load_vocabulary(store, minter)
    report = ingest_file(store, hostile_plan(tmp_path), minter)
    assert report.ok and report.document_iri
    doc_id = report.document_iri.removeprefix(minter.base + "eli/vn/")
    with LiveServer(create_app(store, Settings())) as server:
        page, seen = open_page(context, server.url)
        page.goto(server.url + "/")
        # (extraction keeps the title's quotes; the document text keeps everything)
        assert PAYLOAD_ATTR in page.locator("table.documents").inner_text()
        page.goto(f"{server.url}/documents/{doc_id}/page")
        page.wait_for_selector("pre.text a.hl")
        text = page.locator("pre.text").inner_text()
        assert PAYLOAD_SCRIPT in text and PAYLOAD_ATTR in text
        assert PAYLOAD_ATTR in page.locator("h1").inner_text()
        for el in page.locator("pre.text a.hl").all()[:60]:
            el.hover()
        assert page.evaluate("document.querySelectorAll('[onmouseover]').length") == 0
        assert page.evaluate("document.scripts.length") == 1
        shot(page, "document-hostile.png")
        assert seen.dialogs == []
        assert seen.errors == [] and seen.outside == []
