"""The "Vì phúc lợi đoàn viên" directory: filters in the URL, validity, partner pages, drafts."""

import re
from datetime import timedelta

import pytest

from campaigns.models import Partner, PartnerStatus, Scope, Sector
from tests.public_pages import assert_shown, card_titles, page_html, ticked

from .admin_forms import partner_form
from .campaign_helpers import make_partner, make_programme, today


@pytest.fixture
def programme(home_page):
    return make_programme(home_page)


def get(client, path="/vi-phuc-loi-doan-vien/", **params):
    return page_html(client, path, params)


@pytest.mark.django_db
def test_directory_lists_current_partners_and_hides_expired_until_asked(client, programme):
    make_partner("Siêu thị Hoa Sen")
    make_partner("Du lịch Biển Xanh", valid_to=today() - timedelta(days=1))
    make_partner("Rạp chiếu Ngày Mai", valid_from=today() + timedelta(days=10))
    make_partner("Nhà sách Tạm Dừng", status=PartnerStatus.PAUSED)

    html = get(client)
    assert card_titles(html) == ["Siêu thị Hoa Sen"]
    assert "Tìm thấy 1 đối tác." in html
    assert "Chỉ hiện đối tác còn hiệu lực hôm nay." in html

    html = get(client, **{"het-han": "1"})
    assert set(card_titles(html)) == {
        "Siêu thị Hoa Sen",
        "Du lịch Biển Xanh",
        "Rạp chiếu Ngày Mai",
        "Nhà sách Tạm Dừng",
    }
    assert_shown(html, "Đã hết hạn", "Chưa đến ngày áp dụng", "Tạm dừng ưu đãi")
    # The checkbox stays ticked so the reader sees why expired ones are listed.
    assert ticked(html, "het-han")


@pytest.mark.django_db
def test_agreement_valid_through_its_last_day(client, programme):
    make_partner("Hết hạn hôm nay", valid_to=today())
    assert card_titles(get(client)) == ["Hết hạn hôm nay"]


@pytest.mark.django_db
def test_filter_by_sector(client, programme):
    make_partner("Siêu thị Hoa Sen", sector=Sector.RETAIL)
    make_partner("Bệnh viện Ánh Dương", sector=Sector.HEALTH)
    assert card_titles(get(client, **{"linh-vuc": "y-te"})) == ["Bệnh viện Ánh Dương"]
    assert card_titles(get(client, **{"linh-vuc": "sieu-thi"})) == ["Siêu thị Hoa Sen"]


@pytest.mark.django_db
def test_filter_by_province_includes_nationwide_and_local_branches(client, programme):
    make_partner("Toàn quốc A", scope=Scope.NATIONWIDE)
    make_partner("Hà Nội B", scope=Scope.PROVINCE, provinces=["01"])
    make_partner("Đà Nẵng C", scope=Scope.PROVINCE, provinces=["48"])
    make_partner(
        "Chi nhánh D",
        scope=Scope.PROVINCE,
        provinces=["79"],
        locations=[("Số 1 phố Huế", "01")],
    )
    make_partner("Ngành giáo dục E", scope=Scope.SECTOR, scope_sector="Ngành Giáo dục")
    make_partner("Ngành y tế F ở Huế", scope=Scope.SECTOR, provinces=["46"])

    hanoi = card_titles(get(client, tinh="01"))
    assert sorted(hanoi) == ["Chi nhánh D", "Hà Nội B", "Ngành giáo dục E", "Toàn quốc A"]
    danang = card_titles(get(client, tinh="48"))
    assert sorted(danang) == ["Ngành giáo dục E", "Toàn quốc A", "Đà Nẵng C"]
    # The province list offers exactly the 34 units (plus "Cả nước").
    html = get(client)
    select = re.search(r'<select name="tinh".*?</select>', html, re.S).group(0)
    assert select.count("<option") == 35
    assert '<option value="01">Hà Nội</option>' in select


@pytest.mark.django_db
def test_filter_by_scope(client, programme):
    make_partner("Toàn quốc A", scope=Scope.NATIONWIDE)
    make_partner("Hà Nội B", scope=Scope.PROVINCE, provinces=["01"])
    make_partner("Ngành C", scope=Scope.SECTOR)
    assert card_titles(get(client, **{"pham-vi": "tinh"})) == ["Hà Nội B"]
    assert card_titles(get(client, **{"pham-vi": "toan-quoc"})) == ["Toàn quốc A"]
    assert card_titles(get(client, **{"pham-vi": "nganh"})) == ["Ngành C"]


@pytest.mark.django_db
def test_text_search_ignores_accents_and_case(client, programme):
    make_partner("Siêu thị Đồng Xanh", locations=[("Số 3 phố Tràng Tiền", "01")])
    make_partner("Nha khoa Nụ Cười", sector=Sector.HEALTH, locations=[("Số 9 đường Lê Lợi", "79")])
    assert card_titles(get(client, q="sieu thi")) == ["Siêu thị Đồng Xanh"]
    assert card_titles(get(client, q="DONG xanh")) == ["Siêu thị Đồng Xanh"]
    assert card_titles(get(client, q="ha noi")) == ["Siêu thị Đồng Xanh"]
    assert card_titles(get(client, q="Hồ Chí Minh")) == ["Nha khoa Nụ Cười"]
    html = get(client, q="khong co dau")
    assert card_titles(html) == []
    assert "Không có đối tác nào khớp với lựa chọn của bạn." in html


@pytest.mark.django_db
def test_filters_combine_and_bad_values_get_a_vietnamese_message(client, programme):
    make_partner("Bệnh viện Hà Nội", sector=Sector.HEALTH, scope=Scope.PROVINCE, provinces=["01"])
    make_partner("Bệnh viện Cần Thơ", sector=Sector.HEALTH, scope=Scope.PROVINCE, provinces=["92"])
    make_partner("Siêu thị Hà Nội", sector=Sector.RETAIL, scope=Scope.PROVINCE, provinces=["01"])
    assert card_titles(get(client, tinh="01", **{"linh-vuc": "y-te"})) == ["Bệnh viện Hà Nội"]

    html = get(client, tinh="99", **{"linh-vuc": "y-te"})
    assert "Tỉnh/thành phố không có trong danh sách 34 tỉnh, thành phố." in html
    # The valid filter still applies; the bad one is ignored.
    assert sorted(card_titles(html)) == ["Bệnh viện Cần Thơ", "Bệnh viện Hà Nội"]


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, home_page):
    make_programme(home_page, partners_per_page=6)
    for n in range(8):
        make_partner(f"Y tế {n:02d}", sector=Sector.HEALTH)
    make_partner("Siêu thị lẻ", sector=Sector.RETAIL)
    html = get(client, **{"linh-vuc": "y-te"})
    assert len(card_titles(html)) == 6
    assert 'href="?linh-vuc=y-te&amp;page=2"' in html
    page2 = get(client, **{"linh-vuc": "y-te", "page": "2"})
    assert card_titles(page2) == ["Y tế 06", "Y tế 07"]
    # Filtered or paginated listings are not indexed by search engines.
    assert '<meta name="robots" content="noindex, follow">' in page2


@pytest.mark.django_db
def test_partner_has_its_own_page(client, programme):
    partner = make_partner(
        "Nhà thuốc Bình An",
        slug="nha-thuoc-binh-an",
        for_family=True,
        claim_union_card=True,
        claim_code=True,
        claim_instructions="Đưa thẻ đoàn viên.\nĐọc mã ưu đãi cho nhân viên.",
        scope=Scope.PROVINCE,
        provinces=["01", "48"],
        locations=[("Số 5 phố Bà Triệu", "01")],
        signing_union="Công đoàn Viên chức thành phố Hà Nội",
        agreement_number="07/TTHT-CĐVC",
        contact_phone="024 1234 5678",
        website="https://nhathuoc.example.vn",
    )
    assert partner.url == "/vi-phuc-loi-doan-vien/doi-tac/nha-thuoc-binh-an/"

    html = get(client, partner.url)
    assert '<h1 class="partner__name">Nhà thuốc Bình An</h1>' in html
    assert "Giảm 10–20%" in html
    assert "Người thân của đoàn viên" in html
    assert "Xuất trình thẻ đoàn viên" in html and "Nhập mã ưu đãi" in html
    assert_shown(
        html,
        "<li>Đọc mã ưu đãi cho nhân viên.</li>",
        "Hà Nội, Đà Nẵng",
        "Số 5 phố Bà Triệu, Hà Nội",
        "07/TTHT-CĐVC",
        'href="tel:02412345678"',
    )
    # On the Site's address (localhost in the tests), not the request's Host ("testserver").
    assert (
        '<link rel="canonical" href="http://localhost/vi-phuc-loi-doan-vien/doi-tac/'
        'nha-thuoc-binh-an/">' in html
    )
    # The directory card links to it.
    assert f'href="{partner.url}"' in get(client)
    assert client.get("/vi-phuc-loi-doan-vien/doi-tac/khong-co/").status_code == 404


@pytest.mark.django_db
def test_expired_partner_page_stays_reachable_and_says_so(client, programme):
    partner = make_partner("Du lịch Cũ", valid_to=today() - timedelta(days=3))
    html = get(client, partner.url)
    assert "Đã hết hạn" in html
    assert "Ưu đãi này hiện không áp dụng." in html


@pytest.mark.django_db
def test_slug_is_made_from_the_name_without_accents(programme):
    partner = make_partner("Siêu thị Đông Đô")
    assert partner.slug == "sieu-thi-dong-do"
    again = make_partner("Siêu thị Đông Đô")
    assert again.slug == "sieu-thi-dong-do-2"


@pytest.mark.django_db
def test_admin_form_requires_provinces_for_a_provincial_offer(programme):
    from campaigns.partner_forms import PartnerForm

    form_class = Partner.edit_handler.bind_to_model(Partner).get_form_class()
    assert issubclass(form_class, PartnerForm)
    form = form_class(
        data=partner_form(scope=Scope.PROVINCE, discount_min="30", discount_max="10"),
        instance=Partner(),
        for_user=None,
    )
    assert not form.is_valid()
    assert form.errors["provinces"] == [
        "Ưu đãi theo tỉnh/thành phố: hãy chọn ít nhất một tỉnh/thành phố áp dụng."
    ]
    assert form.errors["discount_max"] == [
        "Mức giảm tối đa phải lớn hơn hoặc bằng mức giảm tối thiểu."
    ]


def test_every_yes_no_field_of_an_offer_is_the_one_its_row_describes():
    """The partner's class unpacks `switches(rows)` into named fields: each field must carry
    its own row's label, help text and default (a name out of order would show members one
    claim method under another's name)."""
    from campaigns.models import Partner
    from campaigns.models.partner_choices import BENEFICIARIES, CLAIM_METHODS

    for row in BENEFICIARIES + CLAIM_METHODS:
        field = Partner._meta.get_field(row.name)
        assert (field.verbose_name, field.help_text, field.default) == (
            row.label,
            row.help_text,
            row.default,
        ), row.name
