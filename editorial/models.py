from django.conf import settings
from django.db import models


class PageCreation(models.Model):
    """One create form (its key, a hidden field of EditorialPageForm) and the page its first save
    made. Wagtail 8 sends a create form twice when the editor publishes while an autosave is on
    its way (both POSTs go to the create address): the key lets the second one act on the page
    the first made instead of making another (editorial/create_view.py, docs/admin.md)."""

    key = models.UUIDField(unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "biểu mẫu tạo trang"
        verbose_name_plural = "biểu mẫu tạo trang"

    def __str__(self):
        return str(self.key)
