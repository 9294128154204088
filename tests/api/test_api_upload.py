"""Uploading documents over HTTP: a plan is kept by its hash and ingested; bad files refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import API_KEY

pytestmark = [pytest.mark.server, pytest.mark.corpus]

KEY = {"X-API-Key": API_KEY}

PLAN = """ỦY BAN NHÂN DÂN
XÃ MỸ HÒA

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 41/KH-UBND

Mỹ Hòa, ngày 20 tháng 3 năm 2026

KẾ HOẠCH
Phát triển sản phẩm OCOP trên địa bàn xã Mỹ Hòa năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Phát huy lợi thế sản phẩm nông nghiệp của xã, phân công rõ người, rõ việc, rõ thời hạn.

II. CHỈ TIÊU CHỦ YẾU

1. Có thêm 02 sản phẩm OCOP đạt từ 3 sao trở lên trong năm 2026.

III. NHIỆM VỤ, GIẢI PHÁP

1. Hỗ trợ hợp tác xã hoàn thiện hồ sơ sản phẩm OCOP. Chủ trì: Phòng Kinh tế; phối hợp: \
Hội Nông dân xã; thời gian: quý III năm 2026.

IV. TỔ CHỨC THỰC HIỆN

Giao Phòng Kinh tế theo dõi, tổng hợp kết quả, báo cáo UBND xã trước ngày 15 tháng 12 năm 2026.

CHỦ TỊCH
"""

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"


def test_a_plan_is_kept_by_its_hash_and_ingested(api: httpx.Client, server_store: Path):
    data = PLAN.encode("utf-8")
    response = api.post(
        "/api/documents", files={"files": ("ke-hoach my hoa.txt", data, "text/plain")}, headers=KEY
    )
    assert response.status_code == 200, response.text
    (result,) = response.json()["files"]
    digest = hashlib.sha256(data).hexdigest()
    assert result["ok"] and result["error"] is None
    assert result["name"] == "ke-hoach my hoa.txt" and result["sha256"] == digest
    assert sorted(p.name for p in (server_store / "uploads").iterdir()) == [f"{digest}.txt"]
    documents = {d["iri"] for d in api.get("/api/documents").json()}
    assert result["document"] in documents


def test_wrong_types_are_refused_per_file(api: httpx.Client, server_store: Path):
    files = [
        ("files", ("tool.exe", b"MZ\x90\x00", "application/octet-stream")),
        ("files", ("picture.txt", PNG, "text/plain")),
        ("files", ("fake.pdf", b"just text", "application/pdf")),
    ]
    response = api.post("/api/documents", files=files, headers=KEY)
    assert response.status_code == 422, response.text
    results = {r["name"]: r for r in response.json()["files"]}
    assert not any(r["ok"] for r in results.values())
    assert ".exe is not accepted" in results["tool.exe"]["error"]
    assert "not a text file" in results["picture.txt"]["error"]
    assert "not a PDF" in results["fake.pdf"]["error"]
    kept = {p.name for p in (server_store / "uploads").iterdir()}
    assert not any(name.startswith(".incoming") for name in kept)
    assert hashlib.sha256(PNG).hexdigest() + ".txt" not in kept


def test_an_oversized_file_is_refused_beside_a_good_one(limited_server: str):
    big = ("Kế hoạch dài. " * 6000).encode("utf-8")  # about 90 KB; the limit here is 50 KB
    files = [
        ("files", ("big.txt", big, "text/plain")),
        ("files", ("plan.txt", PLAN.encode("utf-8"), "text/plain")),
    ]
    with httpx.Client(base_url=limited_server, timeout=60) as client:
        response = client.post("/api/documents", files=files, headers=KEY)
    assert response.status_code == 207, response.text
    big_result, plan_result = response.json()["files"]
    assert not big_result["ok"] and "MANDATE_MAX_FILE_MB" in big_result["error"]
    assert plan_result["ok"], plan_result


def test_an_upload_without_files_is_400(api: httpx.Client):
    response = api.post("/api/documents", data={"note": "no file"}, files={}, headers=KEY)
    assert response.status_code in (400, 415), response.text
