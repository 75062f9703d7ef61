"""The admin forms of a campaign page and of a partner as an editor fills them in (Wagtail's
nested form data): every field blank unless the test gives it, the required ones filled with an
ordinary value, so that each test names only the fields it is about."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import PartnerStatus, Scope, Sector


def admin_date(day):
    """A date as the admin's date picker writes it: day/month/year."""
    return day.strftime("%d/%m/%Y")


def listblock(items):
    """A ListBlock's value in a streamfield's form data: one entry per item, then the count."""
    return {
        **{
            str(i): {"value": value, "deleted": "", "order": str(i), "id": ""}
            for i, value in enumerate(items)
        },
        "count": str(len(items)),
    }


def campaign_form(*, blocks=(), **fields):
    """The fields of the "add a campaign page" form, for `publish_in_admin` (which nests them and
    presses "Xuất bản"); the body is the (block name, value) pairs of `blocks`; `fields` set any
    other field (title, slug, start_date...)."""
    return {
        "title": "Tháng Công nhân năm sau",
        "slug": "thang-cong-nhan-nam-sau",
        "slogan": "Vì việc làm bền vững",
        "start_date": "",
        "end_date": "",
        "location": "Hà Nội",
        "attendance": "",
        "online_url": "",
        "hero_image": "",
        "hero_alt": "",
        "intro": rich_text("<p>Một tháng chăm lo cho người lao động.</p>"),
        "body": streamfield(list(blocks)),
        "tags": "Tháng Công nhân",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        **fields,
    }


def partner_form(*, provinces=(), locations=(), **fields):
    """What the partner snippet's add/edit form sends: a nationwide offer of a retailer to members
    who show their union card, unless `fields` say otherwise; `provinces` are province codes
    (one key, a list of values); `locations` are dicts of a location's fields."""
    data = nested_form_data(
        {
            "name": "Siêu thị Hoa Sen",
            "slug": "",
            "logo": "",
            "sector": Sector.RETAIL,
            "offer_summary": "Giảm 5% hóa đơn cho đoàn viên.",
            "offer_details": rich_text(""),
            "discount_min": "",
            "discount_max": "",
            "discount_text": "",
            "for_members": "on",
            "claim_union_card": "on",
            "claim_instructions": "",
            "scope": Scope.NATIONWIDE,
            "scope_sector": "",
            "signing_union": "Công đoàn Viên chức Việt Nam",
            "agreement_number": "",
            "valid_from": "",
            "valid_to": "",
            "status": PartnerStatus.ACTIVE,
            "contact_person": "",
            "contact_phone": "",
            "contact_email": "",
            "website": "",
            "locations": inline_formset(
                [
                    {"name": "", "address": "", "province": "", "phone": "", **row}
                    for row in locations
                ]
            ),
            **fields,
        }
    )
    if provinces:
        data["provinces"] = list(provinces)
    return data
