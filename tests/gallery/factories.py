import factory
import wagtail_factories

from gallery.models import AlbumPage, AlbumPhoto, GalleryIndexPage, VideoPage
from home.factories import page_factory

GalleryIndexPageFactory = page_factory(
    GalleryIndexPage, "Thư viện ảnh / Video", "thu-vien-anh-video"
)
AlbumPageFactory = page_factory(
    AlbumPage, "Album hội nghị số {n}", "album-{n}", intro="Ảnh hội nghị."
)


class AlbumPhotoFactory(factory.django.DjangoModelFactory):
    image = factory.SubFactory(wagtail_factories.ImageFactory)
    caption = factory.Sequence(lambda n: f"Chú thích ảnh {n}")
    sort_order = factory.Sequence(int)

    class Meta:
        model = AlbumPhoto


VideoPageFactory = page_factory(
    VideoPage,
    "Video hội thao {n}",
    "video-{n}",
    youtube_url="https://www.youtube.com/watch?v=abcdefghijk",
)
