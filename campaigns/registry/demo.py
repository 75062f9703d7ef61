"""Demo content of the registry: the sign-up page, the two targets and the privacy notice v1.
Idempotent: a second run changes nothing."""

from datetime import date

from campaigns.models import SignupPage
from home.demo_utils import ensure_child_page

from .models import MembershipTarget, PrivacyNotice

SIGNUP_SLUG = "dang-ky-doan-vien"

NOTICE_BODY = """\
<p><b>Dữ liệu thu thập:</b> họ và tên, ngày sinh, giới tính, số điện thoại di động, quốc tịch, \
tỉnh/thành phố và nơi làm việc; nếu bạn cung cấp thêm: thư điện tử, xã/phường, nghề nghiệp, tên \
công đoàn cơ sở. Chúng tôi không hỏi dân tộc, tôn giáo hay ảnh giấy tờ tuỳ thân.</p>
<p><b>Mục đích:</b> tiếp nhận nguyện vọng gia nhập Công đoàn Việt Nam và chuyển đến công đoàn có \
thẩm quyền xem xét kết nạp; nếu bạn đồng ý, gửi tin hoạt động công đoàn qua SMS hoặc thư \
điện tử.</p>
<p><b>Bên kiểm soát dữ liệu:</b> Công đoàn Viên chức Việt Nam.</p>
<p><b>Bên nhận dữ liệu:</b> công đoàn cơ sở nơi bạn làm việc hoặc công đoàn cấp trên trực tiếp \
tại tỉnh, thành phố bạn chọn.</p>
<p><b>Thời gian lưu:</b> đến khi bạn được kết nạp; nếu chưa được kết nạp, dữ liệu bị xoá sau tối \
đa 24 tháng.</p>
<p><b>Quyền của bạn:</b> được biết, xem, sửa, xoá dữ liệu, rút lại sự đồng ý bất cứ lúc nào. Hãy \
gửi yêu cầu qua thư điện tử hoặc số điện thoại ở chân trang; chúng tôi trả lời trong thời hạn \
pháp luật quy định.</p>
"""


def load(home, stdout=None):
    page, created = ensure_child_page(
        home,
        SignupPage,
        SIGNUP_SLUG,
        title="Đăng ký gia nhập Công đoàn",
        show_in_menus=True,
        seo_title="Đăng ký đoàn viên công đoàn trực tuyến",
        search_description=(
            "Người lao động từ 16 tuổi đăng ký gia nhập Công đoàn Việt Nam: biểu mẫu ngắn, "
            "công đoàn cơ sở liên hệ để xem xét kết nạp."
        ),
        intro=(
            "<p>Người lao động từ đủ 16 tuổi, có hoặc không có hợp đồng lao động, và người lao "
            "động nước ngoài có hợp đồng từ 12 tháng trở lên có thể đăng ký gia nhập Công đoàn "
            "Việt Nam.</p><p>Đây là bước đăng ký trước: công đoàn cơ sở nơi bạn làm việc, hoặc "
            "công đoàn cấp trên nếu nơi đó chưa có công đoàn, sẽ liên hệ để xem xét kết nạp.</p>"
        ),
    )
    if stdout and created:
        stdout.write(f"  Trang đăng ký đoàn viên: {page.url}")

    targets = [
        (
            "Phát triển 1.000.000 đoàn viên mới năm 2024",
            2024,
            1_000_000,
            date(2024, 1, 1),
            date(2024, 12, 31),
        ),
        (
            "15.000.000 đoàn viên trong toàn hệ thống đến hết năm 2028",
            2028,
            15_000_000,
            None,
            date(2028, 12, 31),
        ),
    ]
    for label, year, target, start, end in targets:
        MembershipTarget.objects.get_or_create(
            year=year,
            target=target,
            defaults={"label": label, "period_start": start, "period_end": end},
        )

    if not PrivacyNotice.objects.exists():
        PrivacyNotice.objects.create(
            title="Thông báo về xử lý dữ liệu cá nhân khi đăng ký đoàn viên", body=NOTICE_BODY
        )
