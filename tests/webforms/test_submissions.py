"""Editor-built forms: what a visitor sends is validated, stored with the consent shown, never
shown in public, visible and exportable only by staff with the permission, erased on time."""

import csv
import io
import unicodedata
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from webforms.models import FormEntry

from .conftest import valid_data


@pytest.mark.django_db
def test_a_visitor_sends_the_form_and_it_is_stored_with_the_consent(client, form_page):
    url = form_page.url
    page_html = client.get(url).content.decode()
    assert "Họ và tên" in page_html and "Nội dung thi" in page_html
    assert form_page.consent_text in page_html  # the consent box's label
    assert 'class="signup__trap" aria-hidden="true"' in page_html  # the honeypot

    # The name typed in decomposed form (NFD) is kept in NFC.
    data = valid_data(client, url, ho_va_ten=unicodedata.normalize("NFD", "Phạm Thị Lan"))
    response = client.post(url, data)
    assert response.status_code == 303
    assert response["Location"] == f"{url}?da-gui=1#bieu-mau"
    entry = FormEntry.objects.get()
    assert entry.form_data == {
        "ho_va_ten": "Phạm Thị Lan",
        "thu_dien_tu": "lan@example.vn",
        "noi_dung_thi": "Văn nghệ",
    }
    assert entry.consent_text == form_page.consent_text
    assert entry.consent_version == str(form_page.live_revision_id)
    assert entry.consented_at is not None
    done = client.get(response["Location"])
    assert "Cảm ơn" in done.content.decode()
    assert "no-store" in done["Cache-Control"]


@pytest.mark.django_db
def test_without_consent_nothing_is_stored_and_the_typing_is_kept(client, form_page):
    response = client.post(form_page.url, valid_data(client, form_page.url, consent=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cần đánh dấu ô đồng ý" in html
    assert 'value="Phạm Thị Lan"' in html
    assert FormEntry.objects.count() == 0
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_required_field_left_empty_gets_a_vietnamese_message(client, form_page):
    response = client.post(form_page.url, valid_data(client, form_page.url, ho_va_ten=""))
    assert "Vui lòng điền ô này." in response.content.decode()
    assert FormEntry.objects.count() == 0


@pytest.mark.django_db
def test_the_honeypot_answers_as_if_accepted_and_stores_nothing(client, form_page):
    data = valid_data(client, form_page.url, website="http://spam.example")
    response = client.post(form_page.url, data)
    assert response.status_code == 303
    assert FormEntry.objects.count() == 0


@pytest.mark.django_db
def test_a_form_sent_too_fast_or_with_a_forged_timestamp_is_refused(client, form_page, settings):
    settings.WEBFORMS_MIN_FILL_SECONDS = 60
    response = client.post(form_page.url, valid_data(client, form_page.url))
    assert "Bạn gửi nhanh quá" in response.content.decode()
    settings.WEBFORMS_MIN_FILL_SECONDS = 0
    response = client.post(form_page.url, valid_data(client, form_page.url, form_started="1:x"))
    assert "Biểu mẫu không hợp lệ" in response.content.decode()
    assert FormEntry.objects.count() == 0


@pytest.mark.django_db
def test_submissions_are_for_staff_with_the_permission_only(client, form_page, form_staff, editor):
    client.post(form_page.url, valid_data(client, form_page.url, ho_va_ten="Người Gửi Riêng"))
    submissions_url = f"/admin/forms/submissions/{form_page.pk}/"

    response = client.get(submissions_url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]

    client.force_login(editor)  # may edit and publish the form page, may not read submissions
    response = client.get(submissions_url)  # Wagtail sends a refused user back to the dashboard
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "Người Gửi Riêng" not in client.get("/admin/forms/").content.decode()
    client.logout()

    client.force_login(form_staff)
    response = client.get(submissions_url)
    assert response.status_code == 200
    assert "Người Gửi Riêng" in response.content.decode()


@pytest.mark.django_db
def test_the_export_escapes_formulas_and_shows_local_time(client, form_page, form_staff):
    client.post(form_page.url, valid_data(client, form_page.url, ho_va_ten="=HYPERLINK(1)"))
    entry = FormEntry.objects.get()
    client.force_login(form_staff)
    response = client.get(f"/admin/forms/submissions/{form_page.pk}/?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert "'=HYPERLINK(1)" in rows[1]
    local = timezone.localtime(entry.submit_time).strftime("%Y-%m-%d %H:%M")
    assert rows[1][0].startswith(local)  # Asia/Ho_Chi_Minh, not UTC
    assert entry.consent_version in rows[1]


@pytest.mark.django_db
def test_staff_without_the_export_permission_cannot_export(client, form_page, django_user_model):
    from django.contrib.auth.models import Permission

    reader = django_user_model.objects.create_user("doc", "doc@example.vn", "x")
    reader.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_formentry"),
    )
    client.force_login(reader)
    url = f"/admin/forms/submissions/{form_page.pk}/"
    assert client.get(url).status_code == 200
    response = client.get(url + "?export=csv")
    assert response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_submission_never_appears_in_public(client, form_page):
    secret = "Nguyễn Bí Mật Riêng Tư"
    data = valid_data(client, form_page.url, ho_va_ten=secret, thu_dien_tu="bimat@example.vn")
    client.post(form_page.url, data)
    assert FormEntry.objects.filter(form_data__ho_va_ten=secret).exists()
    for url in [form_page.url, "/", "/sitemap.xml"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Bí Mật" not in response.content.decode(), url
    for query in ("Nguyễn Bí Mật", "nguyen bi mat", "bimat@example.vn"):
        html = client.get("/tim-kiem/", {"q": query}).content.decode()
        assert "Không tìm thấy kết quả phù hợp" in html, query
        assert "Riêng Tư" not in html


@pytest.mark.django_db
def test_the_purge_erases_submissions_past_the_forms_retention(client, form_page):
    client.post(form_page.url, valid_data(client, form_page.url, ho_va_ten="Cũ"))
    client.post(form_page.url, valid_data(client, form_page.url, ho_va_ten="Mới"))
    old = FormEntry.objects.get(form_data__ho_va_ten="Cũ")
    FormEntry.objects.filter(pk=old.pk).update(
        submit_time=timezone.now() - timedelta(days=form_page.retention_days + 1)
    )
    call_command("purge_form_submissions", stdout=io.StringIO())
    assert list(FormEntry.objects.values_list("form_data__ho_va_ten", flat=True)) == ["Mới"]


@pytest.mark.django_db
def test_a_field_named_like_a_protection_field_is_refused(home_page):
    from django.core.exceptions import ValidationError

    from .factories import FormFieldFactory, FormPageFactory

    page = FormPageFactory(parent=home_page)
    FormFieldFactory(page=page, label="Website")
    with pytest.raises(ValidationError, match="Website"):
        page.full_clean()


@pytest.mark.django_db
def test_too_many_submissions_from_one_address_are_refused_in_vietnamese(
    client, form_page, settings
):
    settings.WEBFORMS_RATE_LIMIT = 2
    for n in range(2):
        data = valid_data(client, form_page.url, ho_va_ten=f"Người {n}")
        assert client.post(form_page.url, data).status_code == 303
    response = client.post(form_page.url, valid_data(client, form_page.url, ho_va_ten="Thứ ba"))
    assert response.status_code == 429
    assert "nhiều lần trong thời gian ngắn" in response.content.decode()
    assert FormEntry.objects.count() == 2
