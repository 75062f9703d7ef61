import pytest

from resolutions.models import IssuingBody


@pytest.mark.django_db
def test_the_union_itself_is_among_the_issuing_bodies(admin_client):
    names = set(IssuingBody.objects.values_list("name", flat=True))
    assert {"Tổng Liên đoàn Lao động Việt Nam", "Công đoàn Viên chức Việt Nam"} <= names
    # An editor picks it on a document.
    from wagtail.admin.panels import get_edit_handler

    from resolutions.models import ResolutionPage

    form_class = get_edit_handler(ResolutionPage).get_form_class()
    choices = [str(label) for _value, label in form_class().fields["issuing_body"].choices]
    assert "Công đoàn Viên chức Việt Nam" in choices


@pytest.mark.django_db
def test_the_demo_reuses_them(demo_content):
    assert IssuingBody.objects.filter(slug="tong-lien-doan-lao-dong-viet-nam").count() == 1
    assert IssuingBody.objects.filter(name="Công đoàn Viên chức Việt Nam").count() == 1
