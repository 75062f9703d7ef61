"""A document in a private collection reaches nobody but the people allowed to see it, whatever
serves media: Wagtail's document view checks the collection, the media route refuses documents/
(portal/media.py; the nginx configuration in deploy/ refuses it too: bench/prod_check.py)."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

SECRET = b"%PDF-1.4\n% Bien ban hop kin - khong cong bo\n"


@pytest.fixture
def private_document(db):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Tài liệu nội bộ")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return Document.objects.create(
        title="Biên bản họp nội bộ",
        file=ContentFile(SECRET, name="bien-ban-hop-noi-bo.pdf"),
        collection=private,
    )


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def candidate_urls(document):
    name = document.file.name  # documents/bien-ban-hop-noi-bo....pdf
    base = name.split("/", 1)[1]
    return [
        document.url,
        f"/tai-lieu/{document.pk}/{base}",
        f"/media/{name}",
        f"/media//{name}",
        f"/media/./{name}",
        f"/media/images/../{name}",
        f"/media/documents/./{base}",
        f"/media/Documents/{base}",
        f"/media/documents%2F{base}",
        "/media/documents/",
    ]


@pytest.mark.urls("tests.operations.media_urls")
def test_no_url_serves_a_private_document_to_an_anonymous_visitor(private_document, settings):
    settings.SERVE_MEDIA = True
    assert private_document.file.read() == SECRET  # the file is really on disk
    for url in candidate_urls(private_document):
        for method in ("get", "head"):
            response = getattr(Client(), method)(url)
            assert response.status_code != 200 or SECRET not in body(response), (method, url)
            assert SECRET not in body(response), (method, url)


@pytest.mark.urls("tests.operations.media_urls")
def test_the_media_route_still_serves_images_and_an_editor_gets_the_document(
    private_document, settings, django_user_model
):
    settings.SERVE_MEDIA = True
    image = settings.MEDIA_ROOT / "images" / "logo.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    image.write_bytes(b"\x89PNG\r\n\x1a\nanh")
    assert body(Client().get("/media/images/logo.png")) == b"\x89PNG\r\n\x1a\nanh"

    editor = django_user_model.objects.create_user(username="bientap", password="x-y-z-123456")
    client = Client()
    client.force_login(editor)
    response = client.get(private_document.url)
    assert response.status_code == 200 and body(response) == SECRET
    # Even a logged-in editor never gets it from the media route.
    assert client.get(f"/media/{private_document.file.name}").status_code == 404
