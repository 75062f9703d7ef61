"""Demo content of the campaigns app: the campaign list and three campaigns of 2024, the
"Vì phúc lợi đoàn viên" programme page and sample partners, built by the app's factories
(`campaigns.factories`). Bulk partners for benchmarks are `campaigns.generate`.

Every partner here is SAMPLE DATA (see `partners`). Idempotent: what exists is left alone, so a
second run changes nothing.
"""

from campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PartnerProgramPageFactory,
)
from campaigns.models import Partner, Province
from home.demo_utils import draw_scene, ensure_child_page, ensure_image

from .campaign_texts import CAMPAIGNS
from .partners import SAMPLE_PARTNERS, SAMPLE_SUFFIX, ensure_partner


def _say(stdout, message):
    if stdout is not None:
        stdout.write(message)


def load(home, stdout=None):
    Province.ensure_all()

    _programme, created = ensure_child_page(
        home,
        PartnerProgramPageFactory,
        "vi-phuc-loi-doan-vien",
        title="Vì phúc lợi đoàn viên",
        show_in_menus=True,
        intro=(
            "<p>Chương trình <b>“Vì phúc lợi đoàn viên”</b>: công đoàn ký thỏa thuận với doanh "
            "nghiệp để đoàn viên được giảm giá, dùng dịch vụ ưu đãi tại siêu thị, bệnh viện, "
            "khu nghỉ dưỡng, hãng vận tải, cơ sở giáo dục…, thường từ 10% đến 50%.</p>"
            "<p>Chọn tỉnh, thành phố nơi bạn sống để xem đối tác gần bạn và cách nhận ưu đãi. "
            "<b>Các đối tác dưới đây là dữ liệu mẫu để trình diễn.</b></p>"
        ),
        search_description=(
            "Danh bạ đối tác giảm giá cho đoàn viên công đoàn theo tỉnh, thành phố và lĩnh vực."
        ),
    )
    if created:
        _say(stdout, "Trang Vì phúc lợi đoàn viên: đã tạo.")

    created_partners = 0
    for index, spec in enumerate(SAMPLE_PARTNERS):
        if ensure_partner(spec, index) is not None:
            created_partners += 1
    if created_partners:
        _say(stdout, f"Đối tác mẫu: đã tạo {created_partners}.")
    partner_ids = list(
        Partner.objects.current().filter(name__endswith=SAMPLE_SUFFIX).values_list("pk", flat=True)
    )

    index_page, created = ensure_child_page(
        home,
        CampaignIndexPageFactory,
        "chien-dich",
        title="Chiến dịch",
        show_in_menus=True,
        intro=(
            "<p>Các chiến dịch, phong trào của Công đoàn Viên chức Việt Nam và Công đoàn Việt "
            "Nam: kỷ niệm ngày truyền thống, Tháng Công nhân, phát triển đoàn viên.</p>"
        ),
    )
    if created:
        _say(stdout, "Trang Chiến dịch: đã tạo.")

    # Three distinct pictures: each campaign its own colours and scene.
    scenes = (
        (1, 1929, ((140, 20, 30), (242, 201, 76), (255, 236, 170)), "lễ kỷ niệm, cờ đỏ sao vàng"),
        (2, 2024, ((20, 110, 70), (240, 140, 30), (250, 220, 120)), "công nhân trong hội trường"),
        (3, 1994, ((10, 61, 124), (20, 150, 170), (242, 201, 76)), "hội nghị viên chức"),
    )
    images = [
        ensure_image(
            f"Ảnh minh họa chiến dịch {n}",
            draw_scene(seed, palette=palette),
            alt=f"Ảnh minh họa: {subject}",
        )
        for n, seed, palette, subject in scenes
    ]
    image_ids = [image.pk for image in images]
    heroes = {95: images[0], 5: images[1], 30: images[2]}
    for slug, build, key in CAMPAIGNS:
        _page, created = ensure_child_page(
            index_page,
            CampaignPageFactory,
            slug,
            hero_image=heroes[key],
            **build(image_ids, partner_ids),
        )
        if created:
            _say(stdout, f"Chiến dịch {slug}: đã tạo.")
    return index_page
