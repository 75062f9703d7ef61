"""The kinds of official document, their legal status and how one document relates to another."""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "DOCUMENT_TYPES",
    "DOCUMENT_TYPE_ORDER",
    "INCOMING_RELATION_LABELS",
    "DocumentStatus",
    "RelationType",
    "label_of",
]

DOCUMENT_TYPES = [
    ("nghi-quyet", _("Nghị quyết")),
    ("quyet-dinh", _("Quyết định")),
    ("chi-thi", _("Chỉ thị")),
    ("ket-luan", _("Kết luận")),
    ("huong-dan", _("Hướng dẫn")),
    ("chuong-trinh", _("Chương trình")),
    ("ke-hoach", _("Kế hoạch")),
    ("quy-dinh", _("Quy định")),
    ("thong-bao", _("Thông báo")),
    ("cong-van", _("Công văn")),
    ("bao-cao", _("Báo cáo")),
    ("van-kien-dai-hoi", _("Văn kiện Đại hội")),
    ("khac", _("Văn bản khác")),
]
DOCUMENT_TYPE_ORDER = {code: i for i, (code, _label) in enumerate(DOCUMENT_TYPES)}


class DocumentStatus(models.TextChoices):
    IN_FORCE = "con-hieu-luc", _("Còn hiệu lực")
    EXPIRED = "het-hieu-luc", _("Hết hiệu lực")
    REPLACED = "bi-thay-the", _("Bị thay thế")


class RelationType(models.TextChoices):
    AMENDS = "sua-doi", _("Sửa đổi, bổ sung")
    REPLACES = "thay-the", _("Thay thế")
    IMPLEMENTS = "thuc-hien", _("Hướng dẫn, triển khai thực hiện")
    RELATED = "lien-quan", _("Liên quan")


def label_of(choices, value):
    """What `get_FOO_display()` shows for `value` among `choices` (a dict of value -> label).
    Django's builds a dict of every choice on each call, and hashing a lazy label translates it:
    ~0.3 ms for a document card's type and status, most of the card's cost."""
    label = choices.get(value, value)
    return str(label) if label is not None else label


DOCUMENT_TYPE_LABELS = dict(DOCUMENT_TYPES)
STATUS_LABELS = dict(DocumentStatus.choices)
RELATION_LABELS = dict(RelationType.choices)

# How a relation reads from the other side ("A amends B" shows on B as "amended by A").
INCOMING_RELATION_LABELS = {
    RelationType.AMENDS: _("Được sửa đổi, bổ sung bởi"),
    RelationType.REPLACES: _("Bị thay thế bởi"),
    RelationType.IMPLEMENTS: _("Được hướng dẫn, triển khai bởi"),
    RelationType.RELATED: _("Liên quan"),
}
