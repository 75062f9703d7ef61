"""Background work of the page cache: purging a CDN in front, URL by URL, after a publish."""

from django.tasks import task


@task()
def purge_frontend_urls(urls: list[str]) -> None:
    """Purge these URLs from the frontend cache (WAGTAILFRONTENDCACHE); a slow CDN API or many
    URLs never hold up the editor's request."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls)
