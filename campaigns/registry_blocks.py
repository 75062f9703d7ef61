"""The campaign goal block (registry issue): live progress toward a membership target, as a
`<progress>` bar (no inline styles: the public CSP forbids them). Aggregates only."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from campaigns.registry.api import goal_progress, target_choices
from portal.blocks import optional_heading


class GoalBlock(blocks.StructBlock):
    heading = optional_heading(_("Bỏ trống để dùng tên của mục tiêu."))
    target = blocks.ChoiceBlock(
        label=_("Mục tiêu"),
        choices=target_choices,
        help_text=_(
            "Chọn trong các mục tiêu ở Đăng ký đoàn viên › Mục tiêu (ví dụ 1.000.000 đoàn viên "
            "mới năm 2024)."
        ),
    )
    scope = blocks.ChoiceBlock(
        label=_("Đếm"),
        choices=[
            ("all", _("Mọi đăng ký trong thời gian của mục tiêu")),
            ("page", _("Chỉ đăng ký qua trang chiến dịch này")),
        ],
        default="all",
        help_text=_("Tiến độ được cập nhật sau khoảng một phút."),
    )

    class Meta:
        icon = "pick"
        label = _("Tiến độ mục tiêu đoàn viên")
        template = "campaigns/includes/goal_block.html"
        description = _("Thanh tiến độ: số đoàn viên đã đăng ký so với chỉ tiêu.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        scoped_page = page if value.get("scope") == "page" else None
        context["goal"] = goal_progress(value.get("target"), scoped_page)
        return context
