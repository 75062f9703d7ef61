"""Menus editors control: the main menu and the footer links, ordered links to pages or
addresses with one level of sub-items. Without any main-menu item the main menu falls back to
the top-level pages marked "show in menus"."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel

from portal.fields import optional_link, optional_text


class MenuItem(models.Model):
    class Menu(models.TextChoices):
        MAIN = "main", _("Trình đơn chính")
        FOOTER = "footer", _("Liên kết chân trang")

    menu = models.CharField(_("Trình đơn"), max_length=10, choices=Menu.choices, default=Menu.MAIN)
    parent = optional_link(
        "self",
        _("Mục cha"),
        _("Bỏ trống: mục cấp một. Chọn một mục cấp một để làm mục con của nó."),
        on_delete=models.CASCADE,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
    )
    page = optional_link("wagtailcore.Page", _("Trang"), on_delete=models.CASCADE)
    url = optional_text(
        _("Hoặc địa chỉ"),
        _("Địa chỉ đầy đủ (https://…) hoặc đường dẫn trong trang (/tim-kiem/)."),
        max_length=500,
    )
    label = optional_text(_("Nhãn"), _("Bỏ trống để dùng tên trang."), max_length=80)
    sort_order = models.PositiveSmallIntegerField(
        _("Thứ tự"), default=100, help_text=_("Số nhỏ đứng trước.")
    )

    panels = [
        FieldPanel("menu"),
        FieldPanel("parent"),
        PageChooserPanel("page"),
        FieldPanel("url"),
        FieldPanel("label"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = verbose_name_plural = _("Mục trình đơn")
        ordering = ["menu", "sort_order", "pk"]

    def __str__(self):
        return self.text

    @property
    def text(self):
        return self.label or (self.page.title if self.page_id else self.url)

    def clean(self):
        if not self.page_id and not self.url:
            raise ValidationError(_("Chọn một trang hoặc nhập một địa chỉ."))
        if self.page_id and self.url:
            raise ValidationError(_("Chọn một trang hoặc nhập một địa chỉ, không cả hai."))
        if self.url and not self.url.startswith(("https://", "http://", "/")):
            raise ValidationError({"url": _("Địa chỉ bắt đầu bằng https:// hoặc /.")})
        if self.parent_id:
            if self.parent.parent_id:
                raise ValidationError({"parent": _("Chỉ có một cấp mục con.")})
            if self.parent.menu != self.menu:
                raise ValidationError({"parent": _("Mục cha phải thuộc cùng trình đơn.")})
            if self.pk and self.children.exists():
                raise ValidationError({"parent": _("Mục này đang có mục con.")})


def menu_items_tree(menu):
    """[{"text", "url", "path", "children": [...]}] of a menu, as plain values, in one query.
    Stored with the site's branding when a menu item or a page changes (home/chrome.py)."""
    items = list(
        MenuItem.objects.filter(menu=menu)
        .select_related("page")
        .only(
            "id",
            "parent_id",
            "label",
            "url",
            "sort_order",
            "page__title",
            "page__url_path",
            "page__live",
        )
    )
    nodes = {}
    roots = []
    for item in items:
        if item.page_id and not item.page.live:
            continue
        nodes[item.pk] = {
            "text": item.text,
            "url": item.page.url if item.page_id else item.url,
            "path": item.page.url_path if item.page_id else "",
            "children": [],
        }
    for item in items:
        node = nodes.get(item.pk)
        if node is None:
            continue
        if item.parent_id is None:
            roots.append(node)
        elif item.parent_id in nodes:
            nodes[item.parent_id]["children"].append(node)
    return roots
