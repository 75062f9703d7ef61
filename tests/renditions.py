"""Image speed-ups of a test process, installed by pytest_configure in tests/conftest.py: the
AVIF and WebP encoders at their fastest setting, and a rendition's pixels made once per process."""


def fastest_image_encoders():
    """AVIF and WebP renditions encoded at their encoders' fastest setting (same formats, sizes
    and markup; larger files). At the default settings encoding was a quarter of the suite's CPU:
    every test that renders a picture makes its renditions anew (its database rows are rolled
    back), 3 AVIF files each (40 ms for a 640 px test image, 100 ms for a 1200 px demo photo).
    Registered through Pillow's public plugin registry, for this test process only."""
    from PIL import Image

    Image.init()

    def with_defaults(save, **defaults):
        def fast_save(image, fp, filename):
            for name, value in defaults.items():
                image.encoderinfo.setdefault(name, value)
            return save(image, fp, filename)

        return fast_save

    for fmt, defaults in {"AVIF": {"speed": 10}, "WEBP": {"method": 0}}.items():
        if fmt in Image.SAVE:
            Image.register_save(fmt, with_defaults(Image.SAVE[fmt], **defaults))


def remembered_renditions(limit=1000):
    """A rendition's pixels are made once per test process for each source image, filter and
    focal point: the next test that asks for the same rendition of the same picture (its rows and
    files are gone with the test's transaction and media folder) gets the same bytes, and its
    rendition row and file are made as before, through Wagtail. The tests build their pictures
    from a few drawn images (home.factories.drawn_image_file, the demo's photos), so most
    renditions of a run are the same few dozen, encoded anew in test after test. The key holds
    everything the pixels depend on: the source's bytes, the filter, the focal point and size,
    the source's name (the rendition's file name comes from it) and the WAGTAILIMAGES_ settings
    (formats, qualities). Wrapped here, for this test process only."""
    import hashlib
    from io import BytesIO

    from django.conf import settings
    from django.core.files import File
    from wagtail.images.models import AbstractImage

    generate = AbstractImage.generate_rendition_file
    made = {}

    def source_bytes(image, source):
        if source is None:
            with image.open_file() as opened:
                return opened.read()
        source.seek(0)
        data = source.read()
        source.seek(0)
        return data

    def image_settings():
        overrides = vars(settings._wrapped).items()  # the test's overrides, the rest is fixed
        return repr(sorted((name, value) for name, value in overrides if "WAGTAILIMAGES" in name))

    def generate_rendition_file(self, filter, *, source=None):
        data = source_bytes(self, source)
        key = (
            hashlib.sha256(data).digest(),
            filter.spec,
            filter.get_cache_key(self),
            (self.width, self.height),
            (self.focal_point_x, self.focal_point_y),
            (self.focal_point_width, self.focal_point_height),
            self.file.name,
            image_settings(),
        )
        if key not in made:
            file = generate(self, filter, source=File(BytesIO(data), name=self.file.name))
            file.seek(0)
            if len(made) >= limit:
                made.clear()
            made[key] = (file.name, file.read())
        name, content = made[key]
        return File(BytesIO(content), name=name)

    AbstractImage.generate_rendition_file = generate_rendition_file
