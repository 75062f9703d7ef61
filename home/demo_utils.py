"""Helpers for the idempotent demo loaders (`load_demo_content`) of every app.

Each helper creates a thing only when it is missing and never touches one that exists, so a second
run changes nothing and an editor's changes to demo pages survive a re-run.
"""

import math
import random
import uuid

import factory
from wagtail.images import get_image_model

from .factories import EditorPageFactory, ImageFactory, drawn_image_file


def page_factory(page_class):
    """The factory of a page type that has no factory of its own in its app."""
    meta = type("Meta", (), {"model": page_class})
    return type(f"{page_class.__name__}Factory", (EditorPageFactory,), {"Meta": meta})


def ensure_child_page(parent, page_type, slug, **fields):
    """Return (page, created). `page_type` is a page factory (or a page class); a new page is
    made by it, saved as a revision and published."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    if not (isinstance(page_type, type) and issubclass(page_type, factory.base.BaseFactory)):
        page_type = page_factory(page_type)
    return page_type(parent=parent, slug=slug, log_action=False, **fields), True


def paragraph(html):
    """A rich-text paragraph block as a StreamField stores it, with the id Wagtail would give it."""
    return {"type": "paragraph", "value": html, "id": str(uuid.uuid4())}


def p(text):
    """A paragraph of one line of plain text."""
    return paragraph(f"<p>{text}</p>")


def h(text):
    """A section heading (H2) block."""
    return {"type": "heading", "value": {"text": text, "level": "h2"}, "id": str(uuid.uuid4())}


# The demo's contact page (pages.demo), the last item of the main menu.
CONTACT_SLUG = "lien-he"
# The union's office (SiteBranding.contact_*), shown in every page's footer and on the contact page.
OFFICE_ADDRESS = "Số 14 Trần Bình Trọng, phường Cửa Nam, Hà Nội (địa chỉ mẫu)"
OFFICE_PHONE = "024 0000 0000"
OFFICE_EMAIL = "lienhe@example.vn"


def ensure_menu_section(home, page_type, slug, **fields):
    """A section under the home page, shown in the main menu. A new one is placed before the
    contact page, so "Liên hệ" stays last in the menu whichever app's demo runs first."""
    section, created = ensure_child_page(home, page_type, slug, show_in_menus=True, **fields)
    contact = home.get_children().filter(slug=CONTACT_SLUG).first()
    if created and contact is not None:
        section.move(contact, pos="left")
        section.refresh_from_db()
    return section


def update_missing(instance, **fields):
    """Set only the fields that are still empty; save only if something changed."""
    changed = []
    for name, value in fields.items():
        if getattr(instance, name) in (None, "", []):
            setattr(instance, name, value)
            changed.append(name)
    if changed:
        instance.save()
    return bool(changed)


def ensure_image(title, draw, size=(1200, 675), fmt="JPEG", alt=""):
    """A Wagtail image made by `draw(ImageDraw, size)` the first time it is asked for."""
    existing = get_image_model().objects.filter(title=title).first()
    if existing is not None:
        return existing
    extension = "jpg" if fmt == "JPEG" else fmt.lower()
    image_file = drawn_image_file(f"{slug_for_file(title)}.{extension}", draw, size, fmt)
    return ImageFactory(title=title, file=image_file, description=alt or title)


def slug_for_file(text):
    from django.utils.text import slugify

    from search.text import fold

    return slugify(fold(text))[:60] or "image"


def draw_logo(draw, size):
    """The union's emblem as a simple flat mark: blue disc, gold ring, red star."""
    w, h = size
    cx, cy, r = w / 2, h / 2, min(w, h) / 2 - 2
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(10, 61, 124, 255))
    ring = r * 0.82
    draw.ellipse(
        [cx - ring, cy - ring, cx + ring, cy + ring],
        outline=(242, 201, 76, 255),
        width=max(2, int(r * 0.06)),
    )
    star_r, inner = r * 0.55, r * 0.22
    points = []
    for i in range(10):
        radius = star_r if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=(179, 18, 31, 255))


def draw_scene(seed, palette=((10, 61, 124), (179, 18, 31), (242, 201, 76))):
    """An abstract 'conference hall' illustration: a stage, a lectern and rows of seats."""

    def draw(d, size):
        rng = random.Random(seed)
        w, h = size
        top, accent, gold = palette
        for y in range(h):  # background gradient
            t = y / h
            d.line([(0, y), (w, y)], fill=tuple(int(c * (1 - t) + 240 * t) for c in top))
        d.rectangle([0, int(h * 0.08), w, int(h * 0.18)], fill=accent)  # banner across the stage
        d.rectangle(
            [int(w * 0.05), int(h * 0.45), int(w * 0.95), int(h * 0.55)], fill=(120, 60, 30)
        )
        d.rectangle([int(w * 0.46), int(h * 0.30), int(w * 0.54), int(h * 0.55)], fill=(90, 45, 20))
        d.ellipse(
            [int(w * 0.475), int(h * 0.2), int(w * 0.525), int(h * 0.29)], fill=(230, 190, 160)
        )
        for row in range(4):  # audience
            y = int(h * (0.62 + row * 0.09))
            for col in range(18):
                x = int(w * (0.03 + col * 0.055)) + rng.randint(-4, 4)
                d.ellipse(
                    [x, y, x + int(w * 0.03), y + int(h * 0.05)], fill=(40 + row * 20, 40, 60)
                )
        d.rectangle(
            [int(w * 0.2), int(h * 0.1), int(w * 0.8), int(h * 0.16)], outline=gold, width=3
        )

    return draw
