"""The public sign-up form: validation with Vietnamese messages, one person one entry, the same
answer for new and repeat submissions, and the abuse defences that write nothing."""

import re
import unicodedata
from datetime import date

import pytest
from django.core.cache import cache
from django.test import Client

from campaigns.registry.models import ConsentRecord, MemberSignup, SignupSubmission
from portal.limits.models import Counter
from tests.public_pages import assert_shown, input_value, ticked

from .registry_helpers import form_data, make_notice, make_signup_page, token


@pytest.fixture
def page(home_page):
    make_notice()
    return make_signup_page(home_page)


def post(client, page, **overrides):
    return client.post(page.url, form_data(**overrides))


def nothing_written():
    return not MemberSignup.objects.exists() and not SignupSubmission.objects.exists()


@pytest.mark.django_db
def test_form_page_renders_the_form_privately_with_unticked_consents(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="full_name"' in html and 'name="phone"' in html
    assert "csrfmiddlewaretoken" in html
    assert "Thông báo dữ liệu cá nhân" in html and "Phiên bản thông báo: 1" in html
    assert not ticked(html, "consent_registration")
    assert not ticked(html, "consent_news")
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    # Every option of the province list is one of the 34 (plus the empty prompt).
    assert len(re.findall(r'<option value="\d\d"', html)) == 34


@pytest.mark.django_db
def test_a_valid_submission_is_stored_normalised_and_redirects_without_personal_data(client, page):
    response = post(
        client,
        page,
        full_name=unicodedata.normalize("NFD", "  Nguyễn   Thị  Lan "),
        phone="0912 345 678",
        consent_news="on",
    )
    assert response.status_code == 303
    location = response["Location"]
    assert location == f"{page.url}?da-dang-ky=1#dang-ky"
    signup = MemberSignup.objects.get()
    assert signup.full_name == "Nguyễn Thị Lan"
    assert unicodedata.is_normalized("NFC", signup.full_name)
    assert signup.phone == "+84912345678"
    assert signup.date_of_birth == date(1990, 9, 5)
    assert signup.province == "01"
    assert signup.status == MemberSignup.Status.NEW
    assert signup.source_page_id == page.pk
    submission = signup.submissions.get()
    assert submission.data["phone"] == "0912 345 678"  # exactly as typed
    assert submission.notice.version == 1
    purposes = set(signup.consents.values_list("purpose", flat=True))
    assert purposes == {ConsentRecord.Purpose.REGISTRATION, ConsentRecord.Purpose.NEWS}
    assert all(c.notice.version == 1 for c in signup.consents.all())


@pytest.mark.django_db
def test_confirmation_page_shows_nothing_the_person_typed(client, page):
    post(client, page, full_name="Trần Văn Bình", phone="0987654321", email="binh@example.vn")
    html = client.get(f"{page.url}?da-dang-ky=1").content.decode()
    assert "Cảm ơn bạn, chúng tôi đã nhận được đăng ký." in html
    for typed in ["Trần Văn Bình", "0987654321", "987654321", "binh@example.vn"]:
        assert typed not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "phone", ["0912345678", "0912 345 678", "+84912345678", "84-912-345-678", "0912.345.678"]
)
def test_phone_spellings_normalise_to_e164(client, page, phone):
    post(client, page, phone=phone)
    assert MemberSignup.objects.get().phone == "+84912345678"


@pytest.mark.django_db
def test_every_phone_spelling_is_one_person_and_every_submission_is_kept(client, page):
    for phone in ["0912345678", "0912 345 678", "+84912345678", "84-912-345-678"]:
        assert post(client, page, phone=phone).status_code == 303
        cache.clear()  # not the rate limit under test here
    assert MemberSignup.objects.count() == 1
    signup = MemberSignup.objects.get()
    assert signup.submissions.count() == 4
    assert [s.data["phone"] for s in signup.submissions.all()] == [
        "0912345678",
        "0912 345 678",
        "+84912345678",
        "84-912-345-678",
    ]
    assert not signup.has_pending_changes  # same data each time


@pytest.mark.django_db
def test_a_repeat_with_different_data_is_flagged_never_overwrites(client, page):
    post(client, page, workplace="Trường Tiểu học Kim Liên")
    post(client, page, phone="+84 912 345 678", workplace="Bệnh viện Bạch Mai")
    signup = MemberSignup.objects.get()
    assert signup.workplace == "Trường Tiểu học Kim Liên"
    assert signup.has_pending_changes
    first, second = signup.submissions.all()
    assert first.is_first and not second.is_first
    assert second.review == SignupSubmission.Review.PENDING
    assert second.normalised["workplace"] == "Bệnh viện Bạch Mai"


@pytest.mark.django_db
def test_new_and_repeat_submissions_get_the_identical_answer(page):
    def submit_and_follow():
        client = Client()
        response = client.post(page.url, form_data(), follow=True)
        return response.redirect_chain, response.content.decode()

    chain_new, html_new = submit_and_follow()
    cache.clear()
    chain_repeat, html_repeat = submit_and_follow()
    assert chain_new == chain_repeat == [(f"{page.url}?da-dang-ky=1#dang-ky", 303)]

    def section(html):
        return re.search(r'<section class="signup".*?</section>', html, re.S).group(0)

    assert section(html_new) == section(html_repeat)
    assert MemberSignup.objects.count() == 1
    assert SignupSubmission.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("full_name", "", "Vui lòng nhập họ và tên."),
        ("full_name", "A", "Họ và tên phải có ít nhất 2 ký tự."),
        ("full_name", "Nguyễn Văn 3", "Họ và tên không được chứa chữ số."),
        (
            "full_name",
            "Mua ngay www.example.com",
            "Họ và tên không được chứa địa chỉ trang web hay thư điện tử.",
        ),
        ("full_name", "http://spam.example", "Họ và tên không được chứa"),
        ("full_name", "Nguyễn " + "a" * 100, "Họ và tên dài tối đa 100 ký tự."),
        ("full_name", "Lan <b>", "Họ và tên chỉ gồm chữ cái và dấu cách."),
        ("phone", "", "Vui lòng nhập số điện thoại di động."),
        ("phone", "abc", "Số điện thoại không hợp lệ."),
        ("phone", "024 3825 1234", "Số điện thoại phải là số di động Việt Nam"),
        ("phone", "0212345678", "Số điện thoại phải là số di động Việt Nam"),
        ("phone", "+1 202 555 0100", "Vui lòng nhập số di động Việt Nam"),
        ("phone", "091234567", "Số điện thoại phải là số di động Việt Nam"),
        ("date_of_birth", "", "Vui lòng nhập ngày sinh."),
        ("date_of_birth", "1990-09-05", "Nhập ngày sinh theo dạng ngày/tháng/năm"),
        ("date_of_birth", "31/02/1990", "Ngày sinh không có thật"),
        ("date_of_birth", "01/01/2999", "Ngày sinh không thể ở tương lai."),
        ("date_of_birth", "01/01/1900", "Tuổi phải từ 16 đến 100"),
        ("sex", "", "Vui lòng chọn giới tính."),
        ("province", "", "Vui lòng chọn tỉnh, thành phố nơi làm việc."),
        ("province", "02", "Vui lòng chọn một trong 34 tỉnh, thành phố trong danh sách."),
        ("workplace", "", "Vui lòng nhập nơi làm việc, hoặc đánh dấu ô"),
        ("email", "khong-phai-email", "Địa chỉ thư điện tử không hợp lệ"),
        ("consent_registration", None, "Cần đánh dấu ô đồng ý này"),
        ("nationality", "", "Vui lòng chọn quốc tịch."),
    ],
)
def test_each_rule_has_a_vietnamese_message_next_to_the_field(client, page, field, value, message):
    overrides = {field: value}
    response = post(client, page, **overrides)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vui lòng sửa các mục được đánh dấu bên dưới." in html
    # The message sits in the field's own error list (linked by aria-describedby).
    errors = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    assert errors is not None, f"no error list for {field}"
    assert message in errors.group(1)
    assert nothing_written()
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_under_16_is_refused(client, page):
    today = date.today()
    fifteen = f"{today.day:02d}/{today.month:02d}/{today.year - 15}"
    html = post(client, page, date_of_birth=fifteen).content.decode()
    assert "Người dưới 16 tuổi chưa thể tự đăng ký" in html
    assert nothing_written()


@pytest.mark.django_db
def test_a_foreign_worker_needs_the_12_month_contract_confirmation(client, page):
    html = post(client, page, nationality="other", nationality_other="Hàn Quốc").content.decode()
    assert "hợp đồng lao động từ 12 tháng trở lên" in html
    assert nothing_written()
    html = post(client, page, nationality="other").content.decode()
    assert "Vui lòng ghi rõ quốc tịch." in html
    response = post(
        client, page, nationality="other", nationality_other="Hàn Quốc", long_contract="on"
    )
    assert response.status_code == 303
    signup = MemberSignup.objects.get()
    assert signup.nationality == "Hàn Quốc" and signup.long_contract_confirmed


@pytest.mark.django_db
def test_freelance_workers_need_no_workplace(client, page):
    assert post(client, page, workplace="", freelance="on").status_code == 303
    assert MemberSignup.objects.get().workplace == "Lao động tự do"


@pytest.mark.django_db
def test_an_error_keeps_what_the_person_typed(client, page):
    html = post(
        client, page, full_name="Lê Minh Châu", phone="12", commune="Phường Cửa Nam"
    ).content.decode()
    assert_shown(html, 'value="Lê Minh Châu"', 'value="Phường Cửa Nam"', 'value="12"')
    assert ticked(html, "consent_registration")


@pytest.mark.django_db
def test_the_honeypot_writes_nothing_and_looks_accepted(client, page):
    response = post(client, page, website="http://spam.example")
    assert response.status_code == 303
    assert nothing_written()


@pytest.mark.django_db
def test_a_form_sent_under_two_seconds_writes_nothing(client, page):
    response = post(client, page, started=token(seconds_ago=0.5))
    assert response.status_code == 200
    assert "Bạn gửi nhanh quá" in response.content.decode()
    assert nothing_written()


@pytest.mark.django_db
def test_an_expired_or_forged_timestamp_writes_nothing(client, page):
    html = post(client, page, started=token(seconds_ago=3 * 24 * 3600)).content.decode()
    assert "Biểu mẫu đã mở quá lâu" in html
    html = post(client, page, started="forged").content.decode()
    assert "Biểu mẫu không hợp lệ" in html
    assert nothing_written()


@pytest.mark.django_db
def test_the_rate_limit_answers_429_in_vietnamese_and_writes_nothing(client, page, settings):
    settings.REGISTRY_RATE_LIMIT = 5
    for n in range(5):
        assert post(client, page, phone=f"091234567{n}").status_code == 303
    response = post(client, page, phone="0987654321")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Bạn đã gửi quá nhiều lần" in html
    assert response["Retry-After"] == "600"
    assert MemberSignup.objects.count() == 5
    assert not MemberSignup.objects.filter(phone="+84987654321").exists()
    # Another client is not affected.
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert post(other, page, phone="0987654321").status_code == 303


@pytest.mark.django_db
def test_the_rate_limit_key_holds_no_ip_or_phone(page):
    Client(REMOTE_ADDR="198.51.100.23").post(page.url, form_data(phone="0912345678"))
    keys = list(Counter.objects.values_list("key", flat=True))
    assert keys
    for key in keys:
        assert "198.51.100.23" not in key and "912345678" not in key
        assert re.fullmatch(r"signup-(ip|phone):[0-9a-f]{40}", key)


@pytest.mark.django_db
def test_the_rate_limit_can_be_turned_off(client, page, settings):
    settings.REGISTRY_RATE_LIMIT = 0
    for n in range(8):
        assert post(client, page, phone=f"09123456{n:02d}").status_code == 303
    assert MemberSignup.objects.count() == 8


@pytest.mark.django_db
def test_a_post_without_csrf_token_is_refused(page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(page.url, form_data())
    assert response.status_code == 403
    assert nothing_written()


@pytest.mark.django_db
def test_a_post_with_the_csrf_token_from_the_page_is_accepted(page):
    client = Client(enforce_csrf_checks=True)
    html = client.get(page.url).content.decode()
    csrf = input_value(html, "csrfmiddlewaretoken")
    response = client.post(page.url, form_data(csrfmiddlewaretoken=csrf))
    assert response.status_code == 303
    assert MemberSignup.objects.count() == 1


@pytest.mark.django_db
def test_rejections_log_no_personal_data(client, page, caplog):
    caplog.set_level("INFO")
    post(client, page, full_name="Phạm Thu Hà", phone="12345")
    post(client, page, full_name="Phạm Thu Hà", phone="0912345678", website="x")
    post(client, page, full_name="Phạm Thu Hà", started=token(0))
    text = caplog.text
    for secret in ["Phạm Thu Hà", "12345", "0912345678", "912345678"]:
        assert secret not in text


@pytest.mark.django_db
def test_a_form_with_errors_is_never_the_cached_blank_form(client, page):
    blank = client.get(page.url).content.decode()  # its fields are now a cached fragment
    assert 'name="full_name"' in blank and "Lê Minh Châu" not in blank
    data = form_data(full_name="Lê Minh Châu", phone="12")
    html = client.post(page.url, data).content.decode()
    assert 'value="Lê Minh Châu"' in html and 'value="12"' in html
    assert 'class="errorlist"' in html
    # And the next visitor gets the blank form, never someone else's answers.
    again = client.get(page.url).content.decode()
    assert "Lê Minh Châu" not in again and 'class="errorlist"' not in again
