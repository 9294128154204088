"""Script injection, in a real browser: hostile titles, tasks, indicators, agency and commune
names and IRIs (tests/browser/xss_payloads.py) on every page, every graph node hovered and
clicked, every menu, form and button used; no payload may run, open a dialog, add markup,
load anything or log an error.

The tab ignores the pages' Content-Security-Policy (`bypass_csp`), so what is tested is the
escaping itself; that every page sends a strict CSP as a second wall is checked apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode, urlparse

import httpx
import pytest

from tests.browser.conftest import Server
from tests.browser.xss_payloads import PAYLOADS, SEARCHES

pytestmark = [pytest.mark.server, pytest.mark.corpus]

# Any global a payload would write: the payloads' `__xss_<n>`, upper-cased ones from commune
# headers, and the older sample's `__xss`.
SENTINELS = "() => Object.keys(window).filter((name) => /^__xss/i.test(name))"

# Markup no page of the app ever has, any event-handler attribute, any link, source or form
# target off the page's origin (javascript:, data:, vbscript:, another host), and inline
# scripts other than the pages' JSON data blocks.
FOREIGN_MARKUP = """() => {
  const found = [];
  const banned = new Set(["img", "svg", "iframe", "frame", "object", "embed", "video", "audio",
    "source", "math", "marquee", "base", "textarea", "noscript", "style", "template"]);
  for (const element of document.querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    if (banned.has(tag)) found.push("<" + tag + ">");
    if (tag === "script") {
      const src = element.getAttribute("src");
      const data = element.type === "application/json";
      if (!(data && src === null) && !(src && src.startsWith("/static/"))) found.push("<script>");
    }
    if (tag === "meta" && element.hasAttribute("http-equiv")) found.push("<meta http-equiv>");
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on") || name === "srcdoc" || name === "autofocus") {
        found.push(tag + " " + name);
      }
      if (["href", "src", "action", "formaction", "xlink:href", "data"].includes(name)) {
        let target = null;
        try { target = new URL(attribute.value, location.href); } catch (error) {}
        if (!target || target.origin !== location.origin) {
          found.push(tag + " " + name + "=" + attribute.value);
        }
      }
    }
  }
  return found;
}"""

# The tooltip showing: its text, which node has that title, and how many elements it holds
# (setting innerText makes a <br> per line break, and nothing else).
TOOLTIP = """() => {
  const tip = document.querySelector("div.vis-tooltip");
  if (!tip || tip.style.visibility === "hidden") return null;
  const flat = (text) => String(text).replace(/\\s+/g, " ").trim();
  const text = flat(tip.innerText);
  const node = window.mandateNodes.get({filter: (n) => flat(n.title) === text})[0];
  return {text: text, node: node ? node.id : null,
          elements: tip.querySelectorAll(":not(br)").length};
}"""

# No waiting for tooltips, and the pointer passes through them (an adopted style sheet,
# so the page's own elements stay as served).
POINTER_THROUGH_TOOLTIP = """() => {
  window.mandateNetwork.setOptions({interaction: {tooltipDelay: 0}});
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(".vis-tooltip { pointer-events: none; }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""

# Where a node is drawn on the screen once brought to the middle of the view.
NODE_POINT = """(id) => {
  const net = window.mandateNetwork;
  net.focus(id, {scale: 1.0, animation: false});
  return net.canvasToDOM(net.getPositions([id])[id]);
}"""

# The centre, and two of its neighbours by each kind of edge (the kind is the edge's label).
TWO_OF_EACH_KIND = """() => {
  const centre = window.mandateNodes.getIds()[0];
  const chosen = [centre];
  const taken = {};
  for (const edge of window.mandateNetwork.body.data.edges.get()) {
    const other = edge.from === centre ? edge.to : edge.from;
    taken[edge.label] = (taken[edge.label] || 0) + 1;
    if (taken[edge.label] <= 2 && !chosen.includes(other)) chosen.push(other);
  }
  return chosen;
}"""

# Where the nodes are drawn with the whole graph in view (each click on its own spot).
FITTED_POINTS = """(ids) => {
  const net = window.mandateNetwork;
  net.fit({animation: false});
  const positions = net.getPositions(ids);
  return ids.map((id) => net.canvasToDOM(positions[id]));
}"""

GRAPH_READY = "#graph[data-ready='1']"


@dataclass
class Tab:
    """One tab over the whole module, recording everything a payload could make happen."""

    page: object
    server: Server
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    hold: bool = False
    expansions: list[str] = field(default_factory=list)
    expanding: int = 0
    opened: list[str] = field(default_factory=list)
    tooltips: int = 0
    clicks: int = 0

    def open(self, path: str) -> object:
        """Load `path`; check the page sends the CSP, then check it (see `check`)."""
        response = self.page.goto(self.server.url + path)  # type: ignore[attr-defined]
        assert response is not None
        assert "script-src 'self'" in response.headers.get("content-security-policy", ""), path
        self.settle()
        self.check(path)
        return self.page

    def settle(self) -> None:
        """Wait until the page is loaded and its graph, if any, is drawn."""
        page = self.page
        page.wait_for_load_state("load")  # type: ignore[attr-defined]
        if page.locator("#graph").count():  # type: ignore[attr-defined]
            page.wait_for_selector(GRAPH_READY)  # type: ignore[attr-defined]
        self.opened.append(page.url)  # type: ignore[attr-defined]

    def check(self, where: str) -> None:
        """Fail when a payload ran, opened a dialog, added markup, logged or loaded anything."""
        page = self.page
        assert page.evaluate(SENTINELS) == [], f"{where}: a payload ran"  # type: ignore[attr-defined]
        assert self.dialogs == [], f"{where}: a dialog opened: {self.dialogs}"
        assert page.evaluate(FOREIGN_MARKUP) == [], f"{where}: markup from a payload"  # type: ignore[attr-defined]
        assert self.errors == [], f"{where}: errors in the console: {self.errors}"
        assert self.external == [], f"{where}: requests to other origins: {self.external}"
        assert self.unknown == [], f"{where}: requests no page makes: {self.unknown}"

    def switch_language(self) -> None:
        """Click the language switch and check the page in the other language."""
        page = self.page
        before = page.locator("html").get_attribute("lang")  # type: ignore[attr-defined]
        with page.expect_navigation():  # type: ignore[attr-defined]
            page.click("#lang-switch")  # type: ignore[attr-defined]
        self.settle()
        assert page.locator("html").get_attribute("lang") != before  # type: ignore[attr-defined]
        self.check(page.url + " after the language switch")  # type: ignore[attr-defined]


# Paths a page or its scripts ask for; anything else (`x` from `<img src=x>`) came from markup.
KNOWN_PATHS = ("/", "/search", "/document", "/task", "/explore", "/coverage", "/agency",
               "/review", "/favicon.ico")


@pytest.fixture(scope="module")
def tab(browser: object, server: Server) -> Iterator[Tab]:
    """One context for the module: CSP bypassed, navigations held when asked, all recorded."""
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    found = Tab(page, server)

    def route(request_route: object) -> None:
        request = request_route.request  # type: ignore[attr-defined]
        url = request.url
        if not url.startswith(server.url + "/"):
            found.external.append(url)
            request_route.abort()  # type: ignore[attr-defined]
            return
        path = urlparse(url).path
        if not (path in KNOWN_PATHS or path.startswith(("/static/", "/api/"))):
            found.unknown.append(url)
        if found.hold and request.is_navigation_request():
            # A 204 leaves the tab on its page: a graph click is recorded, not followed.
            found.held.append(url)
            request_route.fulfill(status=204)  # type: ignore[attr-defined]
            return
        request_route.continue_()  # type: ignore[attr-defined]

    page.route("**/*", route)

    def on_dialog(dialog: object) -> None:
        found.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", on_dialog)

    def on_request(request: object) -> None:
        if "/api/neighbours" in request.url:  # type: ignore[attr-defined]
            found.expansions.append(request.url)  # type: ignore[attr-defined]
            found.expanding += 1

    def on_done(request: object) -> None:
        if "/api/neighbours" in request.url:  # type: ignore[attr-defined]
            found.expanding -= 1

    page.on("request", on_request)
    page.on("requestfinished", on_done)
    page.on("requestfailed", on_done)
    page.on("pageerror", lambda error: found.errors.append(str(error)))

    def on_console(message: object) -> None:
        if message.type != "error":  # type: ignore[attr-defined]
            return
        # A page answered 404 (an unknown IRI) logs its own status; the pages' answers are
        # checked apart, and a load a payload caused is caught as an unknown request.
        where = urlparse(message.location.get("url", "")).path  # type: ignore[attr-defined]
        answered = where in KNOWN_PATHS or where.startswith("/api/")
        if message.text.startswith("Failed to load resource") and answered:  # type: ignore[attr-defined]
            return
        found.errors.append(message.text)  # type: ignore[attr-defined]

    page.on("console", on_console)
    yield found
    context.close()


@dataclass(frozen=True)
class Hostile:
    """The hostile nodes the pages are opened on."""

    documents: list[str]
    task: str
    indicator: str
    agencies: list[str]
    iris: list[str]
    communes: list[str]
    own_communes: list[str]


@pytest.fixture(scope="module")
def hostile(server: Server) -> Hostile:
    """Find the hostile documents' tasks, indicators, agencies and communes through the API."""
    documents = server.get("/api/documents").json()
    outline = server.get("/api/document", iri=server.hostile[0]).json()["outline"]
    tasks = [e for e in outline if e["kind"] == "task" and e["lead"]]
    indicator = next(e["iri"] for e in outline if e["kind"] == "indicator")
    agencies = sorted({name for e in tasks for name in [*e["lead"], *e["partners"]]})
    own = sorted({d["unit"] for d in documents if d["iri"] in server.hostile})
    return Hostile(
        documents=server.hostile,
        task=tasks[0]["iri"],
        indicator=indicator,
        agencies=agencies,
        iris=[p.text for p in PAYLOADS if p.kind == "iri"],
        communes=[p.text for p in PAYLOADS if p.kind == "commune"],
        own_communes=own,
    )


def _url(path: str, **params: str) -> str:
    return path + "?" + urlencode(params, quote_via=quote)


def _pages(hostile: Hostile) -> list[str]:
    """Every page, opened on the hostile nodes and given hostile input; the graph tests open
    the hostile documents' lineage and explorer pages."""
    return [
        "/",
        *(_url("/document", iri=iri) for iri in hostile.documents),
        _url("/task", iri=hostile.task),
        _url("/task", iri=hostile.indicator),
        "/explore",
        _url("/explore", iri=hostile.task),
        "/coverage",
        _url("/coverage", unit="an giang"),
        _url("/coverage", unit=hostile.own_communes[0]),
        *(_url("/coverage", unit=iri) for iri in hostile.communes),
        "/agency",
        _url("/agency", name=hostile.agencies[0]),
        _url("/agency", name=PAYLOADS[0].text, unit=PAYLOADS[21].text),
        "/review",
        _url("/review", document=hostile.documents[1]),
        *(_url("/search", q=query) for query in SEARCHES[:2]),
        _url("/search", q="300 ha"),
        _url("/document", iri=PAYLOADS[6].text),
        _url("/task", iri=hostile.iris[0]),
        _url("/explore", iri=PAYLOADS[21].text),
    ]


def test_payloads_are_many_and_distinct() -> None:
    texts = [p.text for p in PAYLOADS]
    assert len(set(texts)) == len(texts) >= 50
    kinds = {p.kind for p in PAYLOADS}
    assert {"script", "breakout", "img", "svg", "attribute", "url", "href", "template",
            "iframe", "tooltip", "escaped", "iri", "commune"} <= kinds


def test_every_payload_reaches_the_store(server: Server, hostile: Hostile) -> None:
    """Each payload is stored whole somewhere a page shows it, so the pages are really tried."""
    stored = [str(d["title"]) for d in server.get("/api/documents").json()]
    for document in hostile.documents:
        for entry in server.get("/api/document", iri=document).json()["outline"]:
            stored += [str(entry["text"]), *entry["lead"], *entry["partners"]]
        found = server.get("/api/neighbours", iri=document, limit="500").json()["neighbours"]
        stored += [f"{n['iri']} {n['label']}" for n in found]
    coverage = server.get("/coverage").text
    stored += [iri for iri in hostile.communes if quote(iri, safe="") in coverage.replace("+", " ")]
    text = "\n".join(stored)
    missing = [p.number for p in PAYLOADS if p.text not in text]
    assert missing == [], f"payloads the store does not hold whole: {missing}"


def test_every_page_sends_a_strict_csp(server: Server, hostile: Hostile) -> None:
    for path in ["/", *_pages(hostile)]:
        # Server.get would drop the query the path carries.
        answer = httpx.get(server.url + path, timeout=30)
        assert answer.headers["content-type"].startswith("text/html"), path
        policy = dict(
            part.strip().split(" ", 1)
            for part in answer.headers["content-security-policy"].split(";")
        )
        assert policy["script-src"] == "'self'", path
        assert policy["default-src"] == "'self'", path
        assert policy["object-src"] == "'none'" and policy["base-uri"] == "'none'", path
        assert policy["frame-ancestors"] == "'none'", path


def test_every_page_route_is_opened(hostile: Hostile) -> None:
    from api.pages import router

    routes = {
        route.path for route in router.routes if "GET" in getattr(route, "methods", set())
    } - {"/static/{name}"}
    opened = {urlparse(page).path for page in _pages(hostile)}
    assert routes <= opened, f"pages the XSS test does not open: {routes - opened}"


def test_every_page_in_both_languages_shows_payloads_as_text(tab: Tab, hostile: Hostile) -> None:
    switched: set[str] = set()
    for path in _pages(hostile):
        tab.open(path)
        route = urlparse(path).path
        if route not in switched:  # each page's English twin once: the menus switch language
            switched.add(route)
            tab.switch_language()
    page = tab.open(_url("/document", iri=hostile.documents[0]))
    heading = page.locator("h1").inner_text()  # type: ignore[attr-defined]
    assert PAYLOADS[0].text in heading and PAYLOADS[1].text in heading
    summaries = page.locator("#outline details summary")  # type: ignore[attr-defined]
    for index in range(summaries.count()):
        summaries.nth(index).click()
    marked = page.locator("#outline blockquote.source").all_inner_texts()  # type: ignore[attr-defined]
    assert any("__xss_" in text for text in marked), "the sources do not show the payloads"
    tab.check("the document's opened sources")


def _wait_until(tab: Tab, condition: Callable[[], bool], message: str) -> None:
    """Let the page run until `condition` holds (at most 5 s); routed requests count too."""
    for _ in range(250):
        if condition():
            return
        tab.page.wait_for_timeout(20)  # type: ignore[attr-defined]
    raise AssertionError(message)


def _hover(tab: Tab, nodes: list[str]) -> set[str]:
    """Hover each of `nodes` with the mouse; check each tooltip is a node's title, as text.

    Returns the nodes whose tooltips were seen.
    """
    page = tab.page
    # The tooltip opens beside the pointer; letting the pointer through it lets the next
    # node under it be hovered, as a person moving around the tooltip would.
    page.evaluate(POINTER_THROUGH_TOOLTIP)  # type: ignore[attr-defined]
    box = page.locator("#graph").bounding_box()  # type: ignore[attr-defined]
    seen: set[str] = set()
    for node in nodes:
        point = page.evaluate(NODE_POINT, node)  # type: ignore[attr-defined]
        page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])  # type: ignore[attr-defined]
        tip = None
        for _ in range(100):
            tip = page.evaluate(TOOLTIP)  # type: ignore[attr-defined]
            if tip:
                break
            page.wait_for_timeout(10)  # type: ignore[attr-defined]
        assert tip, f"hovering {node} showed no tooltip"
        assert tip["elements"] == 0, f"the tooltip over {node} holds markup"
        assert tip["node"], f"the tooltip over {node} is no node's title: {tip['text']}"
        seen.add(tip["node"])
    tab.tooltips += len(seen)
    return seen


def _click(tab: Tab, nodes: list[str], *, double: bool = False) -> None:
    """Click (or double-click) each of `nodes` where it is drawn, the whole graph in view."""
    page = tab.page
    points = page.evaluate(FITTED_POINTS, nodes)  # type: ignore[attr-defined]
    box = page.locator("#graph").bounding_box()  # type: ignore[attr-defined]
    press = page.mouse.dblclick if double else page.mouse.click  # type: ignore[attr-defined]
    for point in points:
        press(box["x"] + point["x"], box["y"] + point["y"])
    tab.clicks += len(points)


def _titles(tab: Tab) -> dict[str, object]:
    return tab.page.evaluate(  # type: ignore[attr-defined]
        "() => Object.fromEntries(window.mandateNodes.get().map((n) => [n.id, n.title]))"
    )


def test_lineage_nodes_hovered_and_clicked_run_nothing(tab: Tab, hostile: Hostile) -> None:
    for path in (_url("/task", iri=hostile.task), _url("/task", iri=hostile.documents[1])):
        tab.open(path)
        titles = _titles(tab)
        assert all(isinstance(title, str) for title in titles.values()), "a title is not text"
        assert _hover(tab, list(titles)) == set(titles)
        tab.held.clear()
        tab.hold = True  # until the next page is opened: a late click's page is held too
        try:
            _click(tab, list(titles))
            _wait_until(tab, lambda: bool(tab.held), "clicking the lineage's nodes opened nothing")
            tab.page.wait_for_timeout(300)  # type: ignore[attr-defined]
            for url in tab.held:
                assert url.startswith(tab.server.url + "/task?iri="), url
            tab.check(path + " after hovering and clicking every node")
        finally:
            tab.hold = False


# Links a node could carry that lead off the app: schemes, and paths that name another host.
OFF_SITE = ("javascript:__xss_0=1", "//example.org/x", "/\\example.org/x", "/\\/example.org/x",
            " /x", "data:text/html,x")


def test_graph_click_opens_no_link_off_the_app(tab: Tab, hostile: Hostile) -> None:
    """Regression: "/\\host" passed the graph's "starts with one slash" test of a node's link,
    and browsers read it as "//host", another origin."""
    tab.open(_url("/task", iri=hostile.task))
    added = tab.page.evaluate(  # type: ignore[attr-defined]
        """(urls) => urls.map((url, index) => {
            const id = "off-site-" + index;
            // The lineage is drawn in levels: each added node on a level of its own.
            window.mandateNodes.add({id: id, label: "x", title: url, url: url, level: 9 + index});
            return id;
        })""",
        list(OFF_SITE),
    )
    tab.held.clear()
    tab.hold = True
    try:
        for node in added:
            _click(tab, [node])
            tab.page.wait_for_timeout(100)  # type: ignore[attr-defined]
    finally:
        tab.hold = False
    assert tab.held == [], f"a graph click opened {tab.held}"
    tab.check("clicks on nodes with off-site links")


def test_explorer_nodes_hovered_clicked_and_grown_run_nothing(
    tab: Tab, hostile: Hostile
) -> None:
    # The second plan's explorer is opened by the menus test: hovering is slow enough.
    iri = hostile.documents[0]
    tab.open(_url("/explore", iri=iri))
    titles = _titles(tab)
    assert _hover(tab, list(titles)) == set(titles)
    page = tab.page
    box = page.locator("#graph").bounding_box()  # type: ignore[attr-defined]
    tab.held.clear()
    tab.hold = True
    try:
        # A double click opens the node's own page, on this server only.
        for node in list(titles)[1:4]:
            held = len(tab.held)
            point = page.evaluate(NODE_POINT, node)  # type: ignore[attr-defined]
            page.mouse.dblclick(box["x"] + point["x"], box["y"] + point["y"])  # type: ignore[attr-defined]
            tab.clicks += 1
            opened = "a double click opened nothing"
            _wait_until(tab, lambda held=held: len(tab.held) > held, opened)
            page.wait_for_timeout(400)  # type: ignore[attr-defined]
        for url in tab.held:
            assert url.startswith(tab.server.url + "/explore?iri="), url
        # A click draws the node's neighbours from the API, with hostile names; each redraw
        # of the growing graph is slow in a software canvas, so the centre and two nodes of
        # each edge kind are clicked, the hostile IRIs among them.
        asked = len(tab.expansions)
        _click(tab, page.evaluate(TWO_OF_EACH_KIND))  # type: ignore[attr-defined]
        _wait_until(
            tab,
            lambda: len(tab.expansions) > asked and tab.expanding == 0,
            "clicking the explorer's nodes asked for no neighbours",
        )
        page.wait_for_selector(GRAPH_READY)  # type: ignore[attr-defined]
    finally:
        tab.hold = False
    grown = _titles(tab)
    assert len(grown) > len(titles), "clicking the explorer's nodes drew nothing"
    assert all(isinstance(title, str) for title in grown.values())
    added = [node for node, title in grown.items() if node not in titles]
    _hover(tab, [node for node in added if "xss" in str(grown[node]).lower()][:10])
    tab.check(f"/explore?iri={iri} after double clicks, clicks and hovering")


def _submit(tab: Tab, form: str, fields: dict[str, str], where: str) -> None:
    """Fill the page's `form` with `fields`, send it with Enter, and check the new page."""
    page = tab.page
    for name, value in fields.items():
        page.fill(f"{form} [name={name}]", value)  # type: ignore[attr-defined]
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.locator(f"{form} [name={next(iter(fields))}]").press("Enter")  # type: ignore[attr-defined]
    tab.settle()
    tab.check(where)


def test_menus_forms_and_buttons_run_nothing(tab: Tab, hostile: Hostile) -> None:
    # The menu's English twin is each page's language switch, used in the pages test.
    page = tab.open(_url("/document", iri=hostile.documents[0]))
    links = page.locator("header nav a, header a.brand")  # type: ignore[attr-defined]
    for index in range(links.count()):
        with page.expect_navigation():  # type: ignore[attr-defined]
            links.nth(index).click()
        tab.settle()
        tab.check(f"menu item {index}")
    for query in SEARCHES[2:3]:
        _submit(tab, "header form.quick", {"q": query}, f"quick search for {query}")
        assert page.locator("main input[name=q]").input_value() == query  # type: ignore[attr-defined]
    _submit(tab, "main form", {"q": PAYLOADS[13].text}, "the search form")
    tab.open("/explore")
    _submit(tab, "main form", {"iri": hostile.iris[1]}, "the explorer's form")
    tab.open(_url("/explore", iri=hostile.documents[1]))
    boxes = page.locator("main form input[type=checkbox]")  # type: ignore[attr-defined]
    for index in range(boxes.count()):
        boxes.nth(index).check()
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.click("main form button[type=submit]")  # type: ignore[attr-defined]
    tab.settle()
    tab.check("the explorer filtered by every edge kind")
    tab.open("/coverage")
    _submit(tab, "main form", {"unit": PAYLOADS[26].text}, "the coverage form")
    tab.open("/agency")
    fields = {"name": hostile.agencies[0], "unit": PAYLOADS[27].text}
    _submit(tab, "main form", fields, "the agency form")
    tab.open("/review")
    page.select_option("main form select", hostile.documents[0])  # type: ignore[attr-defined]
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.click("main form button[type=submit]")  # type: ignore[attr-defined]
    tab.settle()
    page.fill("#reviewer", PAYLOADS[0].text)  # type: ignore[attr-defined]
    page.locator("#reviewer").dispatch_event("change")  # type: ignore[attr-defined]
    buttons = page.locator("button.decide")  # type: ignore[attr-defined]
    assert buttons.count() > 0, "the hostile plan has no proposals to review"
    # Without a key every decision is refused, so the shared store stays as it is.
    for index in range(min(4, buttons.count())):
        buttons.nth(index).click()
    page.evaluate(  # type: ignore[attr-defined]
        "() => [...document.querySelectorAll('button.decide')].slice(0, 40).forEach("
        "(b) => b.click())"
    )
    answered = page.locator("output.result", has_text="API key")  # type: ignore[attr-defined]
    answered.nth(min(40, buttons.count()) // 2 - 1).wait_for()
    assert page.evaluate(  # type: ignore[attr-defined]
        "() => [...document.querySelectorAll('output.result')].every("
        "(o) => o.children.length === 0)"
    ), "a review answer holds markup"
    tab.check("the review buttons without a key")
