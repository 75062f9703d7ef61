"""No reader ever sees template syntax or a Python value: every page of the demo site, every
search and error page, and every StreamField block type rendered at least once."""

import pytest

from tests.public_pages import page_html

from .visible import leaks, shown_strings

pytestmark = pytest.mark.django_db


def test_the_checker_sees_what_a_reader_sees():
    """The checker itself: it finds leaks in text and shown attributes, not in scripts or JSON."""
    html = (
        "<html><head><title>Trang</title><meta name='description' content='Mô tả None'>"
        "<script>var x = {{ y }}; if (a === None) {}</script>"
        "<script type='application/ld+json'>{\"a\": true}</script></head>"
        "<body><p>{# ghi chú #}</p><img alt='&lt;Page object at 0x7f00&gt;'><p>Sẵn sàng</p>"
        "<!-- {% comment %} --></body></html>"
    )
    found = leaks(html)
    assert [where for where, _ in found] == ["<p> text", "<meta description>", "<img alt>"]
    assert ("<p> text", "Sẵn sàng") in list(shown_strings(html))
    assert leaks("<p>Công đoàn Việt Nam: 95 năm, chủ nhật 28/7.</p>") == []


def test_no_page_shows_template_syntax_or_python_values(site_crawl):
    pages = list(site_crawl.html_pages())
    # The crawl reached the whole demo site, not just the home page.
    assert len(pages) > 40
    problems = [
        f"{url} ({status}) {where}: {excerpt!r}"
        for url, status, html in pages
        for where, excerpt in leaks(html)
    ]
    assert problems == []


def test_every_public_page_answers(site_crawl):
    broken = [
        f"{url} -> {status} (linked from {site_crawl.links.get(url, 'the start list')})"
        for url, (status, _type, _text) in site_crawl.pages.items()
        if status >= 500 or (status == 404 and url != "/khong-co-trang-nay/")
    ]
    assert broken == []


def _page_types_with_streams():
    from django.apps import apps
    from wagtail.fields import StreamField
    from wagtail.models import Page

    return sorted(
        (model._meta.label, field.name)
        for model in apps.get_models()
        if issubclass(model, Page)
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and field.model is model
    )


@pytest.mark.parametrize(("page_type", "field_name"), _page_types_with_streams())
def test_every_block_type_renders_without_template_syntax(demo_site, client, page_type, field_name):
    """Each block type of the page type, filled in like an editor would, on a published page."""
    from django.apps import apps
    from django.db import transaction

    from .blocks import sample_stream

    model = apps.get_model(page_type)
    page = model.objects.live().first()
    with transaction.atomic():
        stream_block = model._meta.get_field(field_name).stream_block
        setattr(page, field_name, sample_stream(stream_block))
        rendered_types = {child.block_type for child in getattr(page, field_name)}
        assert rendered_types == set(stream_block.child_blocks)
        page.save_revision(clean=False).publish()
        html = page_html(client, page.get_url())
        problems = leaks(html)
        transaction.set_rollback(True)
    assert problems == []
