import factory
import wagtail_factories

from gallery.models import AlbumPage, AlbumPhoto, GalleryIndexPage, VideoPage
from home.factories import EditorPageFactory


class GalleryIndexPageFactory(EditorPageFactory):
    title = "Thư viện ảnh / Video"
    slug = "thu-vien-anh-video"

    class Meta:
        model = GalleryIndexPage


class AlbumPageFactory(EditorPageFactory):
    title = factory.Sequence(lambda n: f"Album hội nghị số {n}")
    slug = factory.Sequence(lambda n: f"album-{n}")
    intro = "Ảnh hội nghị."

    class Meta:
        model = AlbumPage


class AlbumPhotoFactory(factory.django.DjangoModelFactory):
    image = factory.SubFactory(wagtail_factories.ImageFactory)
    caption = factory.Sequence(lambda n: f"Chú thích ảnh {n}")
    sort_order = factory.Sequence(int)

    class Meta:
        model = AlbumPhoto


class VideoPageFactory(EditorPageFactory):
    title = factory.Sequence(lambda n: f"Video hội thao {n}")
    slug = factory.Sequence(lambda n: f"video-{n}")
    youtube_url = "https://www.youtube.com/watch?v=abcdefghijk"

    class Meta:
        model = VideoPage
