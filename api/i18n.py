"""The pages' words in Vietnamese (the default) and English (`?lang=en`)."""

from __future__ import annotations

__all__ = ["LANGUAGES", "STRINGS", "translator"]

LANGUAGES = ("vi", "en")

STRINGS: dict[str, dict[str, str]] = {
    "app": {"vi": "Đồ thị nhiệm vụ", "en": "Mandate graph"},
    "home": {"vi": "Trang chủ", "en": "Home"},
    "search": {"vi": "Tìm kiếm", "en": "Search"},
    "coverage": {"vi": "Mức độ bao phủ", "en": "Coverage"},
    "agency": {"vi": "Cơ quan", "en": "Agencies"},
    "review": {"vi": "Rà soát liên kết", "en": "Review links"},
    "explore": {"vi": "Khám phá", "en": "Explore"},
    "switch_language": {"vi": "English", "en": "Tiếng Việt"},
    "documents": {"vi": "Văn bản", "en": "Documents"},
    "document": {"vi": "Văn bản", "en": "Document"},
    "title": {"vi": "Tiêu đề", "en": "Title"},
    "number": {"vi": "Số", "en": "Number"},
    "unit": {"vi": "Đơn vị", "en": "Unit"},
    "kind": {"vi": "Loại", "en": "Kind"},
    "tasks": {"vi": "Nhiệm vụ", "en": "Tasks"},
    "task": {"vi": "Nhiệm vụ", "en": "Task"},
    "indicators": {"vi": "Chỉ tiêu", "en": "Indicators"},
    "indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "section": {"vi": "Mục", "en": "Section"},
    "stats": {"vi": "Thống kê", "en": "Statistics"},
    "nodes": {"vi": "Nút", "en": "Nodes"},
    "edges": {"vi": "Cạnh", "en": "Edges"},
    "query": {"vi": "Từ khóa", "en": "Query"},
    "go": {"vi": "Tìm", "en": "Go"},
    "results": {"vi": "kết quả", "en": "results"},
    "no_results": {"vi": "Không tìm thấy kết quả.", "en": "No results."},
    "search_fallback": {
        "vi": "Tìm đơn giản trong nội dung nhiệm vụ và chỉ tiêu (chưa có chỉ mục tìm kiếm).",
        "en": "Simple scan of task and indicator texts (no search index available).",
    },
    "outline": {"vi": "Cấu trúc văn bản", "en": "Outline"},
    "lead": {"vi": "Chủ trì", "en": "Lead"},
    "partners": {"vi": "Phối hợp", "en": "Partners"},
    "timing": {"vi": "Thời gian", "en": "Timing"},
    "source": {"vi": "Đoạn văn gốc", "en": "Source paragraph"},
    "lineage": {"vi": "Nguồn gốc nhiệm vụ", "en": "Lineage"},
    "lineage_of": {"vi": "Nguồn gốc của", "en": "Lineage of"},
    "reaches": {
        "vi": "Có đường dẫn tới Nghị quyết Đại hội XIV.",
        "en": "Paths reach the XIV Congress resolution.",
    },
    "gap": {"vi": "Chuỗi bị đứt", "en": "The chain stops"},
    "path": {"vi": "Đường dẫn", "en": "Path"},
    "confidence": {"vi": "Độ tin cậy", "en": "Confidence"},
    "evidence": {"vi": "Căn cứ", "en": "Evidence"},
    "explanation": {"vi": "Giải thích", "en": "Explanation"},
    "relation": {"vi": "Quan hệ", "en": "Relation"},
    "graph_help": {
        "vi": "Nhấn vào một nút để mở trang của nút đó.",
        "en": "Click a node to open its page.",
    },
    "json": {"vi": "Dữ liệu JSON", "en": "JSON data"},
    "programme": {"vi": "Chương trình", "en": "Programme"},
    "programmes": {"vi": "Chương trình của tỉnh", "en": "Provincial programmes"},
    "commune": {"vi": "Xã", "en": "Commune"},
    "status": {"vi": "Trạng thái", "en": "Status"},
    "reason": {"vi": "Lý do", "en": "Reason"},
    "covered": {"vi": "Đã bao phủ", "en": "Covered"},
    "uncovered": {"vi": "Chưa bao phủ", "en": "Uncovered"},
    "not_applicable": {"vi": "Không áp dụng", "en": "Not applicable"},
    "unit_prompt": {
        "vi": "Tên tỉnh hoặc xã (không cần dấu)",
        "en": "Province or commune name (accents optional)",
    },
    "agency_prompt": {"vi": "Tên cơ quan", "en": "Agency name"},
    "chairs": {"vi": "Chủ trì", "en": "Chairs"},
    "coordinates": {"vi": "Phối hợp", "en": "Coordinates"},
    "all_agencies": {"vi": "Tất cả cơ quan", "en": "All agencies"},
    "agency_unit_prompt": {"vi": "Xã hoặc tỉnh (tùy chọn)", "en": "Commune or province (optional)"},
    "agencies_matched": {"vi": "Cơ quan trùng tên", "en": "Matching agencies"},
    "all_duties": {"vi": "Xem tất cả", "en": "See all"},
    "review_help": {
        "vi": "Liên kết do máy đề xuất, chờ người rà soát xác nhận hoặc bác bỏ.",
        "en": "Links proposed by the machine, awaiting a reviewer's decision.",
    },
    "api_key": {"vi": "Khóa API", "en": "API key"},
    "reviewer": {"vi": "Người rà soát", "en": "Reviewer"},
    "confirm": {"vi": "Xác nhận", "en": "Confirm"},
    "reject": {"vi": "Bác bỏ", "en": "Reject"},
    "no_proposals": {"vi": "Không có đề xuất chờ rà soát.", "en": "No proposals awaiting review."},
    "above_threshold": {"vi": "đang được dùng", "en": "in use"},
    "below_threshold": {"vi": "dưới ngưỡng", "en": "below threshold"},
    "edge_kinds": {"vi": "Loại cạnh", "en": "Edge kinds"},
    "apply": {"vi": "Áp dụng", "en": "Apply"},
    "neighbours": {"vi": "Nút lân cận", "en": "Neighbours"},
    "shown": {"vi": "đang hiển thị", "en": "shown"},
    "previous": {"vi": "Trang trước", "en": "Previous"},
    "next": {"vi": "Trang sau", "en": "Next"},
    "start_node": {"vi": "IRI của nút bắt đầu", "en": "IRI of the starting node"},
    "not_found": {"vi": "Không tìm thấy", "en": "Not found"},
    "graph_text": {"vi": "Đồ thị dạng văn bản", "en": "The graph as text"},
    "open": {"vi": "Mở", "en": "Open"},
}


def translator(lang: str) -> dict[str, str]:
    """Return the UI strings in `lang` ("vi" or "en"; anything else gives Vietnamese)."""
    chosen = lang if lang in LANGUAGES else "vi"
    return {key: words[chosen] for key, words in STRINGS.items()}
