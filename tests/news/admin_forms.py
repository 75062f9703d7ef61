"""The news article's admin form as an editor fills it in (Wagtail's nested form data), for every
test that adds or edits an article through the admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def article_form_data(category_pk, *, title, body_html, blocks=(), publish=False, **fields):
    """Every field of the add/edit form, blank unless given; the body is a paragraph of
    `body_html` followed by any other `blocks` ((name, value) pairs); `fields` set any other field
    (slug, lead, tags, go_live_at, a submit button such as "action-submit"...); `publish` presses
    "Xuất bản"."""
    data = {
        "title": title,
        "slug": "",
        "published_at": "",
        "byline": "Kim Thư",
        "category": category_pk,
        "lead": "",
        "hero_caption": "",
        "hero_alt": "",
        "body": streamfield([("paragraph", rich_text(body_html)), *blocks]),
        "tags": "",
        "related_articles": inline_formset([]),
        "go_live_at": "",
        "expire_at": "",
        "seo_title": "",
        "search_description": "",
        **fields,
    }
    if publish:
        data["action-publish"] = "publish"
    return nested_form_data(data)
