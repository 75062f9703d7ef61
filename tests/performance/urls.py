"""The portal's URLs plus a few views that exercise the page cache's edge cases."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.views.decorators.csrf import csrf_protect

from portal.urls import urlpatterns as portal_urlpatterns

TEMPLATES = {
    "nonce": (
        "<!doctype html><title>JSON-LD</title>"
        '<script type="application/ld+json" nonce="{{ csp_nonce }}">{"@type": "NewsArticle"}'
        "</script>"
    ),
    "form": (
        '<!doctype html><title>Form</title><form method="post">{% csrf_token %}'
        '<input name="name"><button>Gửi</button></form>'
    ),
    "leaky_form": (
        '<!doctype html><title>Form</title><form method="post">{% csrf_token %}</form>'
        '<div data-token="{{ csrf_token }}"></div>'
    ),
}


def render(request, name):
    template = engines["django"].from_string(TEMPLATES[name])
    return HttpResponse(template.render({}, request))


def nonce_view(request):
    return render(request, "nonce")


@csrf_protect
def form_view(request):
    if request.method == "POST":
        return HttpResponse(f"Đã nhận: {request.POST.get('name', '')}")
    return render(request, "form")


def leaky_form_view(request):
    return render(request, "leaky_form")


def cookie_view(request):
    response = HttpResponse("<p>cookie</p>")
    response.set_cookie("seen", "1")
    return response


def private_view(request):
    response = HttpResponse("<p>private</p>")
    response["Cache-Control"] = "private, no-store"
    return response


def not_found_view(request):
    return HttpResponse("<p>missing</p>", status=404)


urlpatterns = [
    path("test-cache/nonce/", nonce_view),
    path("test-cache/form/", form_view),
    path("test-cache/leaky-form/", leaky_form_view),
    path("test-cache/cookie/", cookie_view),
    path("test-cache/private/", private_view),
    path("test-cache/missing/", not_found_view),
    *portal_urlpatterns,
]
