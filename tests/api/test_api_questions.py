"""The graph's questions over HTTP, on the real corpus: what a user of the API notices."""

from __future__ import annotations

import json
import re

import httpx
import pytest
from rdflib import Dataset, Graph

from tests.api.conftest import API_KEY

pytestmark = [pytest.mark.server, pytest.mark.corpus]


def _vinh_phong_plan(api: httpx.Client) -> str:
    documents = api.get("/api/documents").json()
    plans = [d for d in documents if d["unit"] == "Vĩnh Phong" and d["class"] == "mg:Plan"]
    return str(plans[0]["iri"])


def test_documents_lists_the_corpus(api: httpx.Client):
    documents = api.get("/api/documents").json()
    assert {d["file"][:3] for d in documents} >= {"000", "001", "002", "003", "004"}
    assert all(d["iri"].startswith("https://") for d in documents)


def test_document_and_node_show_statements_and_outline(api: httpx.Client):
    plan = _vinh_phong_plan(api)
    document = api.get("/api/document", params={"iri": plan}).json()
    assert document["iri"] == plan and document["statements"] and document["outline"]
    node = api.get("/api/node", params={"iri": plan}).json()
    assert node["statements"]


def test_coverage_of_vinh_phong(api: httpx.Client):
    response = api.get("/api/coverage", params={"unit": "vinh phong"})
    assert response.status_code == 200
    programmes = {entry["number"]: entry for entry in response.json()["programmes"]}
    assert programmes["12"]["status"] == "covered" and programmes["12"]["tasks"]
    assert programmes["10"]["status"] == "not_applicable"
    assert programmes["14"]["status"] == "not_applicable"


def test_lineage_of_16_ctr_reaches_congress_xiv(api: httpx.Client):
    lineage = api.get("/api/lineage", params={"node": "16-CTr/TU"}).json()
    assert lineage["reaches"] and lineage["gap"] is None
    last = lineage["paths"][0][-1]["to"]
    assert "XIV" in lineage["nodes"][last]["label"]


def test_neighbours_by_kind_with_a_limit(api: httpx.Client):
    lineage = api.get("/api/lineage", params={"node": "16-CTr/TU"}).json()
    centre = lineage["node"]["iri"]
    every = api.get("/api/neighbours", params={"iri": centre}).json()
    assert every["iri"] == centre and every["total"] >= 2
    relations = {n["relation"] for n in every["neighbours"]}
    assert "mg:implements" in relations
    only = api.get(
        "/api/neighbours", params={"iri": centre, "kinds": "mg:implements", "limit": 1}
    ).json()
    assert len(only["neighbours"]) == 1 and only["neighbours"][0]["relation"] == "mg:implements"
    assert only["truncated"] == (only["total"] > 1)


def test_agency_duties(api: httpx.Client):
    answer = api.get("/api/agency", params={"name": "UBND xã"}).json()
    assert answer["query"] == "UBND xã" and answer["agencies"]
    one = api.get("/api/agency", params={"name": "UBND xã", "limit": 1, "offset": 1}).json()
    assert one["total"] == answer["total"] and [a["iri"] for a in one["agencies"]] == [
        a["iri"] for a in answer["agencies"][1:2]
    ]
    assert api.get("/api/agency", params={"name": "UBND xã", "limit": 0}).status_code == 422
    assert api.get("/api/agency", params={"name": "UBND xã", "offset": -1}).status_code == 422


def test_agency_page_says_which_agencies_it_shows(api: httpx.Client):
    total = api.get("/api/agency", params={"name": "UBND xã"}).json()["total"]
    page = api.get("/agency", params={"name": "UBND xã", "offset": 1}).text
    assert f"Cơ quan trùng tên: 2–{total} / {total}" in page
    assert "offset=0" in page  # the link back to the first page


def test_agency_page_of_several_agencies_links_each_to_all_its_duties(api: httpx.Client):
    answer = api.get("/api/agency", params={"name": "UBND xã"}).json()
    busy = max(answer["agencies"], key=lambda agency: len(agency["chairs"]))
    assert len(answer["agencies"]) > 1 and len(busy["chairs"]) > 10
    page = api.get("/agency", params={"name": "UBND xã"}).text
    link = re.search(r'<a href="(/agency\?name=[^"]+)">Xem tất cả \((\d+)\)</a>', page)
    assert link is not None
    whole = api.get(link.group(1).replace("&amp;", "&")).text
    assert whole.count('href="/task?iri=') >= int(link.group(2)) > 10
    assert "Xem tất cả" not in whole  # one agency: everything is on its page
    heading = re.search(r"<h1>Cơ quan: ([^<]+)</h1>", whole)
    assert heading is not None and not heading.group(1).startswith("http")  # a name, not the IRI


def test_agency_list_comes_a_page_at_a_time(api: httpx.Client):
    first = api.get("/agency").text
    shown = re.search(r"1–(\d+) / (\d+)", first)
    assert shown is not None and int(shown.group(1)) <= int(shown.group(2))
    total = int(shown.group(2))
    assert total > 1 and first.count('href="/agency?name=') >= int(shown.group(1))
    rest = api.get("/agency", params={"offset": total - 1}).text
    assert f"{total}–{total} / {total}" in rest
    assert "offset=0" in rest  # the link back


def test_audit_of_a_plan(api: httpx.Client):
    response = api.get("/api/audit", params={"document": _vinh_phong_plan(api), "on": "2026-06-01"})
    assert response.status_code == 200, response.text


def test_stats_count_tasks(api: httpx.Client):
    assert api.get("/api/stats").json()


def test_review_with_the_key_is_stored_and_shown_as_confirmed(api: httpx.Client):
    plan = _vinh_phong_plan(api)
    params = {"document": plan, "include_unused": "true"}
    tasks = api.get("/api/links", params=params).json()
    link = next(p["link"] for t in tasks for p in t["programmes"] if p["status"] != "confirmed")
    body = {"link": link, "decision": "confirm", "reviewer": "Tester"}
    response = api.post("/api/reviews", json=body, headers={"X-API-Key": API_KEY})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "confirmed"
    after = api.get("/api/links", params=params).json()
    statuses = {p["link"]: p["status"] for t in after for p in t["programmes"]}
    assert statuses[link] == "confirmed"


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("turtle", "text/turtle"),
        ("nquads", "application/n-quads"),
        ("jsonld", "application/ld+json"),
    ],
)
def test_export_streams_each_format(api: httpx.Client, name: str, media_type: str):
    response = api.get("/api/export", params={"format": name})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    if name == "turtle":
        assert len(Graph().parse(data=response.text, format="turtle")) > 1000
    elif name == "nquads":
        assert len(list(Dataset().parse(data=response.text, format="nquads").graphs())) > 5
    else:
        assert json.loads(response.text)


def test_export_of_one_document(api: httpx.Client):
    whole = api.get("/api/export", params={"format": "nquads"}).text
    one = api.get("/api/export", params={"format": "nquads", "document": "16-CTr/TU"})
    assert one.status_code == 404  # cited, not ingested: it has no graph of its own
    documents = api.get("/api/documents").json()
    plan = next(d for d in documents if d["tasks"])
    alone = api.get("/api/export", params={"format": "nquads", "document": plan["iri"]}).text
    assert 0 < len(alone) < len(whole)


def test_export_unknown_format_is_400(api: httpx.Client):
    response = api.get("/api/export", params={"format": "xml"})
    assert response.status_code == 400
    assert "turtle" in response.json()["error"]["message"]
