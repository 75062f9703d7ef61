from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Trang nội dung, lãnh đạo và liên hệ"
