"""The registry's field names in Vietnamese, written once: the export's headings, the hand-off
mail, and the detail view's labels for what a submission kept exactly as typed."""

# The person's fields as an export column or a hand-off line calls them.
PERSON_HEADINGS: list[tuple[str, str]] = [
    ("full_name", "Họ và tên"),
    ("date_of_birth", "Ngày sinh"),
    ("sex", "Giới tính"),
    ("phone", "Số điện thoại"),
    ("email", "Thư điện tử"),
    ("province", "Tỉnh, thành phố"),
    ("commune", "Xã, phường"),
    ("workplace", "Nơi làm việc"),
    ("occupation", "Nghề nghiệp"),
    ("grassroots_union", "Công đoàn cơ sở"),
    ("nationality", "Quốc tịch"),
]

# The sign-up form's other fields (and the province, named as the form asks for it).
FORM_ONLY_LABELS: dict[str, str] = {
    "province": "Tỉnh, thành phố nơi làm việc",
    "freelance": "Lao động tự do",
    "nationality_other": "Quốc tịch khác",
    "long_contract": "Hợp đồng lao động từ 12 tháng (người nước ngoài)",
    "consent_registration": "Đồng ý xử lý dữ liệu để đăng ký",
    "consent_news": "Đồng ý nhận tin",
}

# The form's check boxes: a submission keeps "on" or "".
CHECKBOXES = {"freelance", "long_contract", "consent_registration", "consent_news"}


def field_label(name: str) -> str:
    """The Vietnamese label of a sign-up form field (the name itself when unknown)."""
    return FORM_ONLY_LABELS.get(name) or dict(PERSON_HEADINGS).get(name, name)
