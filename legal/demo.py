"""Demo content of the legal Q&A: the page with the ask form and three topics with sample
questions and answers (general guidance written for the demo, not legal advice). Idempotent."""

from datetime import date

from home.demo_utils import ensure_child_page, ensure_menu_section

from .models import LegalAnswer, LegalIndexPage, LegalTopicPage

TOPICS = [
    (
        "hop-dong-lao-dong",
        "Hợp đồng lao động",
        "Giao kết, thời hạn và chấm dứt hợp đồng lao động.",
        [
            (
                "Hợp đồng lao động của tôi hết hạn nhưng tôi vẫn tiếp tục làm việc, hợp đồng có "
                "còn giá trị không?",
                "<p>Khi hợp đồng xác định thời hạn hết hạn mà người lao động vẫn tiếp tục làm "
                "việc, hai bên cần ký hợp đồng mới trong thời hạn luật định; nếu không ký, hợp "
                "đồng có thể chuyển thành loại khác theo Bộ luật Lao động. Bạn nên đề nghị công "
                "đoàn cơ sở hỗ trợ làm việc với đơn vị. (Nội dung mẫu.)</p>",
            ),
        ],
    ),
    (
        "bao-hiem-xa-hoi",
        "Bảo hiểm xã hội",
        "Đóng, hưởng và tra cứu quá trình tham gia bảo hiểm xã hội.",
        [
            (
                "Làm thế nào để tôi biết đơn vị đã đóng bảo hiểm xã hội cho mình đầy đủ?",
                "<p>Bạn có thể tra cứu quá trình đóng trên ứng dụng của cơ quan bảo hiểm xã hội "
                "hoặc đề nghị đơn vị cung cấp thông tin. Nếu thấy thiếu, hãy báo công đoàn cơ sở "
                "để được hướng dẫn kiến nghị. (Nội dung mẫu.)</p>",
            ),
        ],
    ),
    (
        "doan-phi",
        "Đoàn phí công đoàn",
        "Mức đóng và cách đóng đoàn phí của đoàn viên.",
        [
            (
                "Đoàn viên công đoàn đóng đoàn phí bao nhiêu mỗi tháng?",
                "<p>Mức đoàn phí do quy định của Tổng Liên đoàn Lao động Việt Nam xác định, "
                "thường tính theo tỉ lệ phần trăm tiền lương và có mức tối đa. Công đoàn cơ sở "
                "nơi bạn sinh hoạt sẽ cho biết mức cụ thể. (Nội dung mẫu.)</p>",
            ),
        ],
    ),
]


def load(home, stdout=None):
    index = ensure_menu_section(
        home,
        LegalIndexPage,
        "tu-van-phap-luat",
        title="Tư vấn pháp luật",
        intro=(
            "Đoàn viên, người lao động gửi câu hỏi về pháp luật lao động, bảo hiểm và công đoàn. "
            "Câu hỏi được trả lời riêng; một số câu được viết lại, bỏ thông tin cá nhân, rồi đăng "
            "theo chủ đề."
        ),
    )
    for slug, title, intro, items in TOPICS:
        ensure_child_page(
            index,
            LegalTopicPage,
            slug,
            title=title,
            intro=intro,
            answers=[
                LegalAnswer(question=q, answer=a, answered_on=date(2024, 5, 2), sort_order=n)
                for n, (q, a) in enumerate(items)
            ],
        )
    return index
