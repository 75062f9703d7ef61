"""Per-language format overrides (settings.FORMAT_MODULE_PATH).

The Wagtail admin's date pickers write dates as WAGTAIL_DATE_FORMAT (day/month/year). Django's
default input formats read "01/05/2024" as month/day (5 January): every language the admin offers
must accept the day-first formats first.
"""

DAY_FIRST_DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%Y-%m-%d"]
DAY_FIRST_DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
