from bench.subset import ProvincePart


def test_province_part_keeps_its_own_places_and_the_nation():
    part = ProvincePart("https://x.example/id/", "an-giang")
    assert not part.foreign("https://x.example/id/document/an-giang/a")
    assert not part.foreign("https://x.example/id/unit/vn")
    assert not part.foreign("https://x.example/id/graph/links")
    assert part.foreign("https://x.example/id/graph/document/hai-phong/a")
    assert part.foreign("https://x.example/id/unit/an-giang-2/x")
    assert part.foreign("https://x.example/id/graph/links/unit/hai-phong/x")
    assert not part.foreign("https://x.example/id/graph/links/unit/an-giang/x")
