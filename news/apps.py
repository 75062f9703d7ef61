from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from . import listing

        # Moves and view-restriction changes re-list the articles under the page (news.listing).
        listing.connect()
