"""The pages in a real browser against the real server: search, lineage graph clicks,
coverage cells, XSS samples, reviews, offline and CSP."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlparse

import pytest

from tests.browser.conftest import API_KEY, SCRIPT, Server, Visit

pytestmark = [pytest.mark.server, pytest.mark.corpus]

NODE_COUNT = "Object.keys(window.mandateNetwork.getPositions()).length"


def _iri_of(url: str) -> str:
    return parse_qs(urlparse(url).query)["iri"][0]


def _click_node(visit: Visit, node_id: str, *, double: bool = False) -> None:
    """Click (or double-click) a drawn node where vis-network says it is on the screen."""
    page = visit.page
    point = page.evaluate(
        """(id) => {
            const net = window.mandateNetwork;
            net.focus(id, {scale: 1.2, animation: false});
            const pos = net.getPositions([id])[id];
            return net.canvasToDOM(pos);
        }""",
        node_id,
    )
    box = page.locator("#graph").bounding_box()
    press = page.mouse.dblclick if double else page.mouse.click
    press(box["x"] + point["x"], box["y"] + point["y"])


def test_home_lists_documents_with_csp(visit: Visit, server: Server) -> None:
    page = visit.open("/", "home")
    assert page.locator("#documents tbody tr").count() >= 6
    csp = server.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp


def test_search_without_accents_then_lineage_graph_and_click(
    visit: Visit, server: Server
) -> None:
    page = visit.open("/")
    page.fill("header .quick input[name=q]", "nong thon moi")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=nong+thon+moi*")
    visit.check_html()
    visit.shot("search")
    hits = page.locator("#hits li")
    assert hits.count() > 0
    assert "nông thôn mới" in page.locator("#hits mark").first.inner_text() + " " + (
        page.locator("#hits").inner_text()
    )
    task_link = page.locator("#hits li a.hit[href^='/task']").first
    task_link.click()
    page.wait_for_selector("#graph[data-ready='1']")
    visit.check_html()
    visit.shot("lineage")
    task = _iri_of(page.url)
    reported = server.get("/api/lineage", node=task).json()
    assert page.evaluate(NODE_COUNT) == len(reported["nodes"])
    others = [iri for iri in reported["nodes"] if iri != task]
    assert others, "the lineage has no node beside the task"
    target = others[0]
    _click_node(visit, target)
    page.wait_for_url(f"**/task?iri={quote(target, safe='')}*")
    assert _iri_of(page.url) == target
    page.wait_for_selector("#graph[data-ready='1']")


def test_document_page_marks_each_source_sentence(visit: Visit, server: Server) -> None:
    documents = server.get("/api/documents").json()
    plan = next(d for d in documents if d["file"].startswith("001_"))
    page = visit.open(f"/document?iri={quote(plan['iri'], safe='')}", "document")
    items = page.locator("#outline .item")
    assert items.count() == plan["tasks"] + plan["indicators"]
    first = items.first
    first.locator("summary").click()
    marked = first.locator("blockquote.source mark").inner_text()
    assert marked.strip() and marked.split()[0] in first.locator("a.item-link").inner_text()


def test_province_heat_map_cell_opens_commune(visit: Visit) -> None:
    page = visit.open("/coverage?unit=an%20giang", "coverage-province")
    cells = page.locator("#heatmap td.cell a")
    assert cells.count() > 0
    covered = page.locator("#heatmap td.covered a").first
    href = covered.get_attribute("href")
    covered.click()
    page.wait_for_url("**/coverage?unit=*#p*")
    anchor = href.rsplit("#", 1)[1]
    assert page.locator(f"tr[id='{anchor}']").count() == 1
    assert page.locator(f"tr[id='{anchor}'] .cell.covered").count() == 1
    visit.check_html()
    visit.shot("coverage-commune")


def test_xss_document_task_and_agency_render_as_text(visit: Visit, server: Server) -> None:
    documents = server.get("/api/documents").json()
    sample = next(d for d in documents if d["file"].startswith("99-"))
    page = visit.open(f"/document?iri={quote(sample['iri'], safe='')}", "xss-document")
    assert SCRIPT in page.locator("h1").inner_text()
    assert page.locator("#outline img, main img").count() == 0
    page.locator("#outline a.item-link", has_text="300 ha").first.click()
    page.wait_for_selector("#graph[data-ready='1']")
    visit.check_html()
    visit.shot("xss-task")
    assert SCRIPT in page.locator("h1").inner_text()
    page.evaluate("window.mandateNetwork.selectNodes([window.mandateNodes.getIds()[0]])")
    visit.open("/agency?name=" + quote(f"Phòng Kinh tế {SCRIPT} xã"), "xss-agency")
    assert SCRIPT in page.locator("main h2").first.inner_text()
    visit.open("/search?q=vung+trong+lua+300", "xss-search")
    assert page.locator("#hits li").count() > 0
    visit.open(f"/explore?iri={quote(sample['iri'], safe='')}", "xss-explore")
    page.wait_for_selector("#graph[data-ready='1']")
    visit.open("/")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img").count() == 0


def test_explore_draws_at_most_150_and_clicks_through(visit: Visit, server: Server) -> None:
    documents = server.get("/api/documents").json()
    biggest = max(documents, key=lambda d: d["tasks"] + d["indicators"])
    page = visit.open(f"/explore?iri={quote(biggest['iri'], safe='')}")
    page.wait_for_selector("#graph[data-ready='1']")
    visit.shot("explore")
    drawn = page.evaluate(NODE_COUNT)
    assert 1 < drawn <= 151
    assert page.locator("#next-page").count() == 1
    target = page.evaluate("window.mandateNodes.getIds()[1]")
    _click_node(visit, target)  # a click draws the node's own neighbours in place
    # The page's CSP forbids wait_for_function's eval, so poll with evaluate.
    for _ in range(100):
        if page.evaluate("window.mandateNodes.length") > drawn:
            break
        page.wait_for_timeout(50)
    assert page.evaluate("window.mandateNodes.length") > drawn, "the click drew no neighbours"
    assert _iri_of(page.url) == biggest["iri"], "a single click must not leave the page"
    _click_node(visit, target, double=True)  # a double click opens the node's own page
    page.wait_for_url(lambda url: "/explore?" in url and _iri_of(url) == target)


def test_review_confirms_a_link_with_the_key(visit: Visit) -> None:
    page = visit.open("/review", "review")
    page.fill("#api-key", "wrong")
    page.fill("#reviewer", "Kiểm thử")
    first = page.locator("tr.proposal").first
    first.locator("button[data-decision=confirm]").click()
    result = first.locator("output.result")
    result.filter(has_text="API key").wait_for()
    page.fill("#api-key", API_KEY)
    page.locator("#api-key").dispatch_event("change")
    first.locator("button[data-decision=confirm]").click()
    result.filter(has_text="confirmed").wait_for()
    assert page.evaluate("sessionStorage.getItem('mandate-api-key')") == API_KEY
    visit.shot("review-confirmed")


def test_language_switch_on_every_page(visit: Visit) -> None:
    for path in ("/", "/search?q=x", "/coverage", "/agency", "/review", "/explore"):
        page = visit.open(path)
        assert page.locator("html").get_attribute("lang") == "vi"
        page.click("#lang-switch")
        page.wait_for_url("**lang=en*")
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("header nav").inner_text().startswith("Home")
    visit.shot("english")
