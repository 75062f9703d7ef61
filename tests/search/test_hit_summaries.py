"""What a hit shows of a page besides its base row (its summary text and date) is stored when the
page is indexed (search/summaries.py): they show the published page, never a draft (one query
for every type: tests/search/test_hit_fields.py)."""

import pytest

from search.models import HitSummary

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_remembered(settings):
    settings.FRAGMENT_CACHE_ENABLED = False


def hit_for(client, query, title):
    response = client.get("/tim-kiem/", {"q": query})
    html = response.content.decode()
    hits = [hit for hit in response.context["results"].object_list if hit.title == title]
    return (hits[0] if hits else None), html


def test_a_hit_shows_the_published_summary_and_date_never_a_draft(client, add_article):
    article = add_article("Hội thao công nhân lao động", lead="Giải bóng đá mini toàn ngành.")
    hit, html = hit_for(client, "hoi thao", article.title)
    assert "Giải bóng đá mini toàn ngành." in html
    assert f"{article.published_at.astimezone():%d/%m/%Y}" in html
    article.lead = "Giải cầu lông công nhân viên chức."
    article.save_revision()  # a draft: readers still see the published lead
    hit, html = hit_for(client, "hoi thao", article.title)
    assert "Giải bóng đá mini" in html and "cầu lông" not in html
    article.get_latest_revision().publish()
    hit, html = hit_for(client, "hoi thao", article.title)
    assert "Giải cầu lông công nhân viên chức." in html and "bóng đá" not in html
    assert hit.obj.specific_class is type(hit.obj) and hit.obj.lead.startswith("Giải cầu lông")


def test_a_page_indexed_before_summaries_is_summarised_as_before(client, add_article):
    article = add_article("Hội thao công nhân lao động", lead="Giải bóng đá mini toàn ngành.")
    HitSummary.objects.filter(page=article).delete()
    hit, html = hit_for(client, "hoi thao", article.title)
    assert hit is not None and "Giải bóng đá mini toàn ngành." in html
