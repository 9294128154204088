"""The linker: which programme a commune task implements, and when to propose none."""

import pytest

from linking import LINK_THRESHOLD, METHOD, Candidate, Linker, Proposal

PROGRAMMES = [
    Candidate("1", "Đề án phát triển kinh tế biển, cảng biển và du lịch biển đảo."),
    Candidate("2", "Đề án phát triển nông nghiệp ứng dụng công nghệ cao."),
    Candidate("3", "Đề án bảo vệ môi trường và thích ứng với biến đổi khí hậu."),
    Candidate("4", "Đề án nâng cao chất lượng giáo dục, đào tạo."),
    Candidate("5", "Đề án bảo tồn, phát huy giá trị bản sắc văn hóa."),
    Candidate("6", "Đề án xây dựng khu vực phòng thủ, huấn luyện dân quân tự vệ."),
    Candidate("7", "Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững."),
    Candidate("8", "Đề án đột phá ứng dụng khoa học công nghệ, chuyển đổi số."),
]


@pytest.fixture(scope="module")
def linker():
    return Linker(PROGRAMMES)


def keys(proposals):
    return [proposal.key for proposal in proposals]


def test_an_aquaculture_task_links_to_agriculture_over_environment(linker):
    task = "Phát triển nuôi tôm, nuôi trồng thủy sản và chăn nuôi theo hướng an toàn sinh học."
    accepted = linker.accepted(task)
    assert keys(accepted)[0] == "2"
    assert "3" not in keys(accepted)


def test_a_budget_task_gets_no_programme(linker):
    task = "Tổ chức thu, chi ngân sách Nhà nước, lập dự toán và quản lý chặt chẽ nguồn thu thuế."
    assert linker.accepted(task) == []


def test_a_health_task_gets_no_programme(linker):
    task = "Thực hiện tốt công tác y tế dự phòng, tiêm chủng mở rộng, chăm sóc sức khỏe."
    assert linker.accepted(task) == []


def test_tone_placement_does_not_matter():
    linker = Linker([Candidate("h", "Hòa giải ở cơ sở"), Candidate("x", "Phát triển du lịch")])
    accepted = linker.accepted("Nâng cao chất lượng hoà giải ở cơ sở.")
    assert keys(accepted) == ["h"]
    assert "hòa giải" in accepted[0].evidence


def test_evidence_lists_the_shared_terms_most_telling_first(linker):
    best = linker.accepted("Tổ chức huấn luyện, diễn tập khu vực phòng thủ cho dân quân.")[0]
    assert best.key == "6"
    assert 0 < len(best.evidence) <= 8
    assert any("quốc phòng" in term for term in best.evidence)  # the defence topic's label
    assert "khu vực" in " ".join(best.evidence) or "dân quân" in best.evidence


def test_a_paragraph_on_two_fields_links_to_both(linker):
    task = (
        "Nâng cao chất lượng giáo dục, xây dựng trường học đạt chuẩn, đào tạo giáo viên. "
        "Giữ gìn bản sắc văn hóa, tổ chức lễ hội truyền thống, xây dựng thiết chế văn hóa."
    )
    assert set(keys(linker.accepted(task))) == {"4", "5"}


def test_proposals_are_sorted_bounded_and_carry_the_method(linker):
    proposals = linker.propose("Ứng dụng công nghệ số, chuyển đổi số trong nông nghiệp.", limit=3)
    assert 0 < len(proposals) <= 3
    confidences = [proposal.confidence for proposal in proposals]
    assert confidences == sorted(confidences, reverse=True)
    assert all(0.0 <= value <= 1.0 for value in confidences)
    assert all(isinstance(p, Proposal) and p.method == METHOD for p in proposals)


def test_accepted_proposals_reach_the_threshold(linker):
    for proposal in linker.accepted("Giảm nghèo bền vững, hỗ trợ hộ nghèo, hộ cận nghèo."):
        assert proposal.confidence >= LINK_THRESHOLD


def test_nothing_shared_means_no_proposal(linker):
    assert linker.propose("Bầu cử đại biểu Hội đồng nhân dân.") == []
    assert linker.propose("") == []


def test_results_are_deterministic():
    task = "Phát triển du lịch biển, nuôi trồng thủy sản, bảo vệ môi trường biển."
    first = Linker(PROGRAMMES).propose(task, limit=8)
    again = Linker(PROGRAMMES).propose(task, limit=8)
    assert first == again


def test_a_stricter_threshold_accepts_less(linker):
    task = "Ứng dụng công nghệ trong sản xuất nông nghiệp."
    strict = Linker(PROGRAMMES, threshold=0.95)
    assert len(strict.accepted(task)) <= len(linker.accepted(task))


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="unique"):
        Linker([Candidate("1", "a"), Candidate("1", "b")])
    with pytest.raises(ValueError, match="threshold"):
        Linker(PROGRAMMES, threshold=1.5)


def test_no_candidates_means_no_proposal():
    empty = Linker([])
    assert empty.propose("Phát triển du lịch") == []
    assert empty.accepted("Phát triển du lịch") == []


def test_a_single_candidate_is_still_scored_on_the_same_scale():
    alone = Linker([Candidate("16", "Đề án phát triển du lịch")])
    accepted = alone.accepted("Phát triển du lịch cộng đồng, thu hút khách du lịch.")
    assert keys(accepted) == ["16"]
    assert "chủ đề: du lịch" in accepted[0].evidence
