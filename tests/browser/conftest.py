"""Browser fixtures: the corpus and hostile samples in a store, the real server, Chromium."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from queries.sparql import load_query
from tests.browser.xss_payloads import hostile_plans, hostile_rdf
from tests.conftest import UNDER_CI, _free_port, mandate_executable, running_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).with_name("screenshots")
API_KEY = "browser-test-key"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SENTINEL_SCRIPT = "<script>window.__xss=1</script>"
SENTINEL_IMG = '"><img src=x onerror="window.__xss=1">'

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "01-ke-hoach-ubnd-xa-hoa-thuan.txt"


def xss_plan() -> str:
    """Return a commune plan in the genre whose title, a task and an agency carry payloads.

    It is the Hòa Thuận sample moved to a commune of its own (Hòa Bình, 99/KH-UBND).
    """
    text = SAMPLE.read_text(encoding="utf-8")
    lead = "Cơ quan chủ trì thực hiện: Phòng"
    replacements = [
        (text.split("KẾ HOẠCH\n", 1)[1].split("\n", 1)[0], f"Thử nghiệm {SCRIPT} {IMG} href"),
        ("27/KH-UBND", "99/KH-UBND"),
        ("HÒA THUẬN", "HÒA BÌNH"),
        ("Hòa Thuận", "Hòa Bình"),
        ("300 ha gắn với", f"300 ha {SCRIPT} {SENTINEL_SCRIPT} {SENTINEL_IMG} {IMG} gắn với"),
        (f"{lead} Kinh tế xã.", f"{lead} {SCRIPT} xã."),
        ("Giao Phòng Kinh tế xã chủ trì", f"Giao Phòng Kinh tế {SCRIPT} xã chủ trì"),
    ]
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


@dataclass
class Server:
    """The running app: its base URL, its store, and the hostile plans' document IRIs."""

    url: str
    store: Path
    hostile: list[str] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)

    def get(self, path: str, **params: str) -> httpx.Response:
        """Return the server's answer to GET `path`."""
        return httpx.get(self.url + path, params=params, timeout=30)


def _run(argv: list[str]) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def _hostile_documents(store: Path, plans: list[Path]) -> tuple[list[str], str]:
    """Return the IRIs of the documents ingested from `plans`, and of their province."""
    from config import load_settings
    from queries.documents import list_documents
    from store import open_store

    names = {path.name for path in plans}
    opened = open_store(str(store), base_iri=load_settings().base_iri, read_only=True)
    try:
        documents = sorted(str(d["iri"]) for d in list_documents(opened) if d["file"] in names)
        provinces = {
            str(row["unit"])
            for row in opened.select(load_query("units"))
            if str(row["class"]).endswith("Province") and str(row["label"]) == "An Giang"
        }
    finally:
        opened.close()
    assert len(provinces) == 1, f"expected one province An Giang, found {provinces}"
    return documents, provinces.pop()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Iterator[Server]:
    """A real `mandate serve` on loopback over the corpus and the hostile samples.

    The hostile samples are the Hòa Bình plan (`xss_plan`), the plans of `hostile_plans`
    and an RDF file of nodes with `javascript:` and quoting IRIs cited by those plans.
    """
    root = tmp_path_factory.mktemp("browser")
    sample = root / "samples" / "99-ke-hoach-xss-hoa-binh.txt"
    sample.parent.mkdir()
    sample.write_text(xss_plan(), encoding="utf-8")
    plans = hostile_plans(root / "samples")
    store = root / "store"
    executable = mandate_executable()
    inputs = [str(corpus_dir), str(sample), *map(str, plans)]
    _run([executable, "ingest", *inputs, "--store", str(store)])
    documents, province = _hostile_documents(store, plans)
    assert len(documents) == len(plans), f"hostile plans not all ingested: {documents}"
    rdf = hostile_rdf(root / "hostile.ttl", documents, province)
    _run([executable, "import", str(rdf), "--store", str(store)])
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    environment = {**os.environ, "MANDATE_API_KEY": API_KEY, "MANDATE_OPEN_READS": "1"}
    argv = [executable, "serve", "--store", str(store), "--port", str(port)]
    with running_server(argv, url, "/api/stats", env=environment):
        yield Server(url, store, hostile=documents)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if UNDER_CI:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@dataclass
class Visit:
    """A browser tab on the server that refuses every other origin and records what it saw."""

    page: object
    server: Server
    external: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, path: str, shot: str | None = None) -> object:
        """Load `path`, check its HTML names no other origin, and screenshot it as `shot`."""
        self.page.goto(self.server.url + path)  # type: ignore[attr-defined]
        self.check_html()
        if shot:
            self.shot(shot)
        return self.page

    def check_html(self) -> None:
        """Fail when the served HTML of the current URL loads or links to another origin."""
        html = httpx.get(self.page.url, timeout=30).text  # type: ignore[attr-defined]
        for attribute, value in re.findall(r'\b(src|href|action)\s*=\s*"([^"]*)"', html):
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", value, re.IGNORECASE):
                assert value.startswith(self.server.url + "/"), f"{attribute}={value}"

    def shot(self, name: str) -> None:
        """Save a full-page screenshot under tests/browser/screenshots/."""
        SCREENSHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


@pytest.fixture
def visit(browser: object, server: Server) -> Iterator[Visit]:
    """A fresh tab; afterwards, asserts no dialog opened and no other origin was asked."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    found = Visit(page, server)

    def route(request_route: object) -> None:
        request = request_route.request  # type: ignore[attr-defined]
        if request.url.startswith(server.url + "/"):
            request_route.continue_()  # type: ignore[attr-defined]
        else:
            found.external.append(request.url)
            request_route.abort()  # type: ignore[attr-defined]

    page.route("**/*", route)

    def on_dialog(dialog: object) -> None:
        found.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", on_dialog)
    yield found
    context.close()
    assert found.dialogs == [], f"a dialog opened: {found.dialogs}"
    assert found.external == [], f"requests to other origins: {found.external}"
