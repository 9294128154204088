"""Topic clusters: which field a wording belongs to, longest phrase first."""

import re

from linking.lexicon import NEUTRAL_PHRASES, TOPICS, topic_by_name, topics_in


def test_aquaculture_wording_is_agriculture():
    assert topics_in("nuôi tôm, phát triển thủy sản")["agriculture"] == 2


def test_digital_programmes_are_named_in_many_ways():
    for text in ("Đề án 06", "phong trào Bình dân học vụ số", "chính quyền số", "số hoá"):
        assert "digital_transformation" in topics_in(text), text


def test_defence_drills_and_militia_are_defence():
    assert topics_in("huấn luyện, diễn tập dân quân tự vệ")["defence"] >= 2


def test_the_longest_phrase_decides():
    assert set(topics_in("hoàn thiện vị trí việc làm")) == {"organisation_civil_service"}
    assert set(topics_in("xây dựng môi trường văn hóa")) == {"culture_sport"}
    assert set(topics_in("đội ngũ cán bộ y tế")) == {"health_population"}


def test_neutral_wording_attaches_nothing():
    assert topics_in("đáp ứng yêu cầu, nhu cầu của cá nhân") == {}
    assert "education" not in topics_in("tuyên truyền, giáo dục Nhân dân")


def test_civil_servants_as_actors_are_not_the_personnel_field():
    assert "organisation_civil_service" not in topics_in("phân công cho cán bộ, công chức")


def test_topics_are_fields_not_programme_numbers():
    names = [topic.name for topic in TOPICS]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z_]+", name) for name in names)
    assert all(topic.phrases and topic.label for topic in TOPICS)


def test_phrases_are_short_domain_wording_not_sentences():
    phrases = [phrase for topic in TOPICS for phrase in topic.phrases] + list(NEUTRAL_PHRASES)
    assert all(len(phrase.split()) <= 8 for phrase in phrases)
    assert all(phrase == phrase.lower() for phrase in phrases)


def test_topic_by_name_finds_the_label():
    assert topic_by_name("tourism").label == "du lịch"
