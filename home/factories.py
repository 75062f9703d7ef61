"""Factories (factory_boy + wagtail-factories) shared by every app's factories: pages created as
an editor creates them, and images drawn with Pillow.

A page factory needs a `parent` and takes three extra keywords that are not model fields:
- `publish`: True (default) saves a revision and publishes it, as the admin's "Publish" does;
  False saves a draft revision only; None adds the page as given (`live` as passed), no revision;
- `log_action`: False writes neither the revision nor the publication to the audit log (the
  demo loader); None keeps Wagtail's defaults;
- `tags`: names of taggit tags for pages with a `tags` manager; an existing tag is reused.
"""

import io

import factory
import wagtail_factories
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from taggit.models import Tag
from wagtail.images import get_image_model

from portal.wagtail_tasks import coalesced

__all__ = [
    "EditorPageFactory",
    "HomePageFactory",
    "ImageFactory",
    "drawn_image_file",
    "page_factory",
    "publish_revision",
]

_PAGE_OPTIONS = ("publish", "log_action", "tags")


class EditorPageFactory(wagtail_factories.PageFactory):
    """Base of every page factory (`publish`, `log_action`, `tags`: see the module docstring)."""

    publish = True
    log_action = None
    tags = ()

    class Meta:
        abstract = True

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        for option in _PAGE_OPTIONS:
            kwargs.pop(option, None)
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        publish = kwargs.pop("publish", True)
        log_action = kwargs.pop("log_action", None)
        tags = kwargs.pop("tags", ())
        # Live as given when added plainly; otherwise live only once its revision is published.
        kwargs.setdefault("live", publish is None)
        with coalesced():
            return cls._add_and_publish(model_class, parent, kwargs, publish, log_action, tags)

    @staticmethod
    def _add_and_publish(model_class, parent, kwargs, publish, log_action, tags):
        """As the admin does (three saves: added, its revision, published); the search and
        reference indexes are updated once, when the factory returns (portal.wagtail_tasks)."""
        instance = model_class(**kwargs)
        for name in tags:
            instance.tags.add(Tag.objects.filter(name=name).first() or name)
        if parent is None:
            model_class.add_root(instance=instance)
        else:
            parent.add_child(instance=instance)
        if publish is not None:
            publish_revision(instance, publish=publish, log_action=log_action)
            instance.refresh_from_db()
        return instance


def page_factory(model, title, slug, **declarations):
    """An `EditorPageFactory` for `model`, declared in one line. A string value with `{n}` in it
    (`"Album {n}"`) is numbered by a sequence, so that each page gets its own; without it, every
    page gets the same (an index page, one of its kind)."""
    fields = {"title": title, "slug": slug, **declarations}
    for name, value in fields.items():
        if isinstance(value, str) and "{n}" in value:
            fields[name] = factory.Sequence(lambda n, text=value: text.format(n=n))
    return factory.make_factory(model, FACTORY_CLASS=EditorPageFactory, **fields)


def publish_revision(obj, *, publish=True, log_action=None):
    """Save a revision of a page or snippet and publish it (unless `publish` is False), as the
    admin does. `log_action=None` keeps Wagtail's defaults (the publication is logged)."""
    options = {} if log_action is None else {"log_action": log_action}
    revision = obj.save_revision(**options)
    if publish:
        revision.publish(**options)
    return revision


def drawn_image_file(name, draw=None, size=(120, 60), fmt="PNG", colour=(10, 61, 124)):
    """An image file made by `draw(ImageDraw, size)` (a plain colour when no `draw` is given)."""
    if draw is None:
        canvas = PILImage.new("RGB", size, colour)
    else:
        canvas = PILImage.new("RGB" if fmt == "JPEG" else "RGBA", size, (255, 255, 255, 0))
        draw(ImageDraw.Draw(canvas), size)
    buffer = io.BytesIO()
    canvas.save(buffer, fmt, **({"quality": 85} if fmt == "JPEG" else {}))
    return ImageFile(buffer, name=name)


class ImageFactory(wagtail_factories.ImageFactory):
    """A Wagtail image: a small plain PNG unless given a `file`."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Ảnh thử {n}")
    collection = factory.LazyFunction(lambda: _root_collection())
    file = factory.LazyAttributeSequence(lambda obj, n: drawn_image_file(f"anh-thu-{n}.png"))


def _root_collection():
    from wagtail.models import Collection

    return Collection.get_first_root_node()


class HomePageFactory(EditorPageFactory):
    """A home page (the default site's root comes from a migration; this is for a second site)."""

    title = "Trang chủ"
    slug = factory.Sequence(lambda n: f"trang-chu-{n}")

    class Meta:
        model = "home.HomePage"
