"""The registry's models, taken over from the `campaigns` app without touching a row.

The state operations declare the models (with the table names they already have); nothing is
created in the database. Then the content types move from `campaigns` to `registry`: their ids
stay, so permissions (and the groups and users holding them, such as the group created by
campaigns/migrations/0002) and admin log entries follow the models."""

import django.db.models.deletion
import django.utils.timezone
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MODELS = [
    "consentrecord",
    "forwarding",
    "membershiptarget",
    "membersignup",
    "privacynotice",
    "provinceforwardaddress",
    "registryexport",
    "signupsubmission",
    "statuschange",
]


def move_content_types(old_label, new_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Permission = apps.get_model("auth", "Permission")
        db = schema_editor.connection.alias
        for model in MODELS:
            old = ContentType.objects.using(db).filter(app_label=old_label, model=model).first()
            if old is None:
                continue  # a database where the content type was never created
            stale = ContentType.objects.using(db).filter(app_label=new_label, model=model).first()
            if stale is not None:
                # Created by a post_migrate signal in between: fold its permissions into the
                # old ones (keeping every group and user that holds them), then drop it.
                for permission in Permission.objects.using(db).filter(content_type=stale):
                    kept = (
                        Permission.objects.using(db)
                        .filter(content_type=old, codename=permission.codename)
                        .first()
                    )
                    if kept is None:
                        permission.content_type = old
                        permission.save(update_fields=["content_type"])
                        continue
                    kept.group_set.add(*permission.group_set.all())
                    kept.user_set.add(*permission.user_set.all())
                    permission.delete()
                stale.delete()
            old.app_label = new_label
            old.save(update_fields=["app_label"])

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("campaigns", "0007_move_registry_to_own_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="MembershipTarget",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "label",
                            models.CharField(
                                help_text="Ví dụ: Phát triển 1.000.000 đoàn viên mới năm 2024.",
                                max_length=200,
                                verbose_name="Tên mục tiêu",
                            ),
                        ),
                        (
                            "year",
                            models.PositiveSmallIntegerField(
                                help_text="Năm phải đạt mục tiêu.", verbose_name="Năm"
                            ),
                        ),
                        (
                            "target",
                            models.PositiveBigIntegerField(
                                help_text="Số đoàn viên cần đạt.", verbose_name="Chỉ tiêu"
                            ),
                        ),
                        (
                            "period_start",
                            models.DateField(
                                blank=True,
                                help_text="Chỉ đếm đăng ký từ ngày này; để trống để đếm từ đầu.",
                                null=True,
                                verbose_name="Tính từ ngày",
                            ),
                        ),
                        (
                            "period_end",
                            models.DateField(
                                blank=True,
                                help_text="Chỉ đếm đăng ký đến hết ngày này; để trống để đếm đến nay.",
                                null=True,
                                verbose_name="Đến hết ngày",
                            ),
                        ),
                        (
                            "baseline",
                            models.PositiveBigIntegerField(
                                default=0,
                                help_text="Số đoàn viên đã đạt ngoài đăng ký trực tuyến, cộng vào tiến độ.",
                                verbose_name="Số đã có",
                            ),
                        ),
                        (
                            "show_on_home",
                            models.BooleanField(
                                default=True,
                                help_text="Hiện thanh tiến độ ở trang chủ.",
                                verbose_name="Hiện trên trang chủ",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "mục tiêu phát triển đoàn viên",
                        "verbose_name_plural": "Mục tiêu phát triển đoàn viên",
                        "db_table": "campaigns_membershiptarget",
                        "ordering": ["year", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="ProvinceForwardAddress",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "province",
                            models.CharField(
                                choices=[
                                    ("01", "Hà Nội"),
                                    ("04", "Cao Bằng"),
                                    ("08", "Tuyên Quang"),
                                    ("11", "Điện Biên"),
                                    ("12", "Lai Châu"),
                                    ("14", "Sơn La"),
                                    ("15", "Lào Cai"),
                                    ("19", "Thái Nguyên"),
                                    ("20", "Lạng Sơn"),
                                    ("22", "Quảng Ninh"),
                                    ("24", "Bắc Ninh"),
                                    ("25", "Phú Thọ"),
                                    ("31", "Hải Phòng"),
                                    ("33", "Hưng Yên"),
                                    ("37", "Ninh Bình"),
                                    ("38", "Thanh Hóa"),
                                    ("40", "Nghệ An"),
                                    ("42", "Hà Tĩnh"),
                                    ("44", "Quảng Trị"),
                                    ("46", "Huế"),
                                    ("48", "Đà Nẵng"),
                                    ("51", "Quảng Ngãi"),
                                    ("52", "Gia Lai"),
                                    ("56", "Khánh Hòa"),
                                    ("66", "Đắk Lắk"),
                                    ("68", "Lâm Đồng"),
                                    ("75", "Đồng Nai"),
                                    ("79", "Hồ Chí Minh"),
                                    ("80", "Tây Ninh"),
                                    ("82", "Đồng Tháp"),
                                    ("86", "Vĩnh Long"),
                                    ("91", "An Giang"),
                                    ("92", "Cần Thơ"),
                                    ("96", "Cà Mau"),
                                ],
                                help_text="Đăng ký có nơi làm việc ở tỉnh này được gửi đến địa chỉ bên dưới.",
                                max_length=2,
                                unique=True,
                                verbose_name="Tỉnh, thành phố",
                            ),
                        ),
                        (
                            "union_name",
                            models.CharField(
                                blank=True,
                                help_text="Ví dụ: Công đoàn Viên chức tỉnh …",
                                max_length=200,
                                verbose_name="Tên công đoàn nhận",
                            ),
                        ),
                        (
                            "email",
                            models.EmailField(
                                help_text="Địa chỉ của bộ phận tổ chức tiếp nhận.",
                                max_length=254,
                                verbose_name="Thư điện tử nhận đăng ký",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "địa chỉ chuyển đăng ký",
                        "verbose_name_plural": "Địa chỉ chuyển đăng ký",
                        "db_table": "campaigns_provinceforwardaddress",
                        "ordering": ["province"],
                    },
                ),
                migrations.CreateModel(
                    name="MemberSignup",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "phone",
                            models.CharField(
                                blank=True,
                                help_text="Dạng quốc tế E.164 (+84 và 9 chữ số); mỗi số là một người.",
                                max_length=16,
                                null=True,
                                verbose_name="Số điện thoại",
                            ),
                        ),
                        (
                            "full_name",
                            models.CharField(blank=True, max_length=100, verbose_name="Họ và tên"),
                        ),
                        (
                            "name_folded",
                            models.CharField(
                                blank=True, db_index=True, editable=False, max_length=100
                            ),
                        ),
                        (
                            "date_of_birth",
                            models.DateField(blank=True, null=True, verbose_name="Ngày sinh"),
                        ),
                        (
                            "sex",
                            models.CharField(
                                blank=True,
                                choices=[("nam", "Nam"), ("nu", "Nữ")],
                                max_length=8,
                                verbose_name="Giới tính",
                            ),
                        ),
                        (
                            "email",
                            models.EmailField(
                                blank=True, max_length=254, verbose_name="Thư điện tử"
                            ),
                        ),
                        (
                            "province",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("01", "Hà Nội"),
                                    ("04", "Cao Bằng"),
                                    ("08", "Tuyên Quang"),
                                    ("11", "Điện Biên"),
                                    ("12", "Lai Châu"),
                                    ("14", "Sơn La"),
                                    ("15", "Lào Cai"),
                                    ("19", "Thái Nguyên"),
                                    ("20", "Lạng Sơn"),
                                    ("22", "Quảng Ninh"),
                                    ("24", "Bắc Ninh"),
                                    ("25", "Phú Thọ"),
                                    ("31", "Hải Phòng"),
                                    ("33", "Hưng Yên"),
                                    ("37", "Ninh Bình"),
                                    ("38", "Thanh Hóa"),
                                    ("40", "Nghệ An"),
                                    ("42", "Hà Tĩnh"),
                                    ("44", "Quảng Trị"),
                                    ("46", "Huế"),
                                    ("48", "Đà Nẵng"),
                                    ("51", "Quảng Ngãi"),
                                    ("52", "Gia Lai"),
                                    ("56", "Khánh Hòa"),
                                    ("66", "Đắk Lắk"),
                                    ("68", "Lâm Đồng"),
                                    ("75", "Đồng Nai"),
                                    ("79", "Hồ Chí Minh"),
                                    ("80", "Tây Ninh"),
                                    ("82", "Đồng Tháp"),
                                    ("86", "Vĩnh Long"),
                                    ("91", "An Giang"),
                                    ("92", "Cần Thơ"),
                                    ("96", "Cà Mau"),
                                ],
                                db_index=True,
                                max_length=2,
                                verbose_name="Tỉnh, thành phố nơi làm việc",
                            ),
                        ),
                        (
                            "commune",
                            models.CharField(blank=True, max_length=120, verbose_name="Xã, phường"),
                        ),
                        (
                            "workplace",
                            models.CharField(
                                blank=True,
                                help_text="Hoặc «Lao động tự do».",
                                max_length=200,
                                verbose_name="Nơi làm việc",
                            ),
                        ),
                        (
                            "occupation",
                            models.CharField(
                                blank=True, max_length=120, verbose_name="Nghề nghiệp"
                            ),
                        ),
                        (
                            "grassroots_union",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="Công đoàn cơ sở"
                            ),
                        ),
                        (
                            "nationality",
                            models.CharField(blank=True, max_length=100, verbose_name="Quốc tịch"),
                        ),
                        (
                            "long_contract_confirmed",
                            models.BooleanField(
                                default=False,
                                help_text="Bắt buộc với người lao động nước ngoài (Luật Công đoàn 2024).",
                                verbose_name="Có hợp đồng lao động từ 12 tháng",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("new", "Mới"),
                                    ("contacted", "Đã liên hệ"),
                                    ("forwarded", "Đã chuyển công đoàn"),
                                    ("admitted", "Đã kết nạp"),
                                    ("declined", "Không kết nạp"),
                                    ("withdrawn", "Đã rút"),
                                ],
                                db_index=True,
                                default="new",
                                max_length=16,
                                verbose_name="Trạng thái",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                db_index=True,
                                default=django.utils.timezone.now,
                                verbose_name="Đăng ký lúc",
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="Cập nhật lúc"),
                        ),
                        (
                            "has_pending_changes",
                            models.BooleanField(
                                db_index=True,
                                default=False,
                                help_text="Một lần gửi sau có thông tin khác; cán bộ chấp nhận hoặc bỏ qua.",
                                verbose_name="Có thay đổi chờ duyệt",
                            ),
                        ),
                        (
                            "forwarded_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="Đã chuyển lúc"
                            ),
                        ),
                        (
                            "forward_claimed_at",
                            models.DateTimeField(blank=True, editable=False, null=True),
                        ),
                        (
                            "erased_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="Đã xoá dữ liệu lúc"
                            ),
                        ),
                        (
                            "source_page",
                            models.ForeignKey(
                                blank=True,
                                help_text="Trang (chiến dịch) nơi người này đăng ký lần đầu.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="Trang đăng ký",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "đăng ký đoàn viên",
                        "verbose_name_plural": "Đăng ký đoàn viên",
                        "db_table": "campaigns_membersignup",
                        "ordering": ["-created_at", "-pk"],
                        "permissions": [
                            ("export_membersignup", "Xuất danh sách đăng ký đoàn viên")
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Forwarding",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("forwarder", models.CharField(max_length=200, verbose_name="Cách chuyển")),
                        (
                            "recipient",
                            models.CharField(blank=True, max_length=254, verbose_name="Nơi nhận"),
                        ),
                        (
                            "outcome",
                            models.CharField(
                                choices=[("sent", "Đã gửi"), ("failed", "Lỗi, chờ gửi lại")],
                                max_length=8,
                                verbose_name="Kết quả",
                            ),
                        ),
                        (
                            "fields_sent",
                            models.JSONField(
                                blank=True, default=list, verbose_name="Các trường đã gửi"
                            ),
                        ),
                        (
                            "summary",
                            models.CharField(blank=True, max_length=255, verbose_name="Tóm tắt"),
                        ),
                        ("error", models.CharField(blank=True, max_length=255, verbose_name="Lỗi")),
                        (
                            "attempted_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="Lúc"
                            ),
                        ),
                        (
                            "signup",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="forwardings",
                                to="registry.membersignup",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "lần chuyển đăng ký",
                        "verbose_name_plural": "Các lần chuyển đăng ký",
                        "db_table": "campaigns_forwarding",
                        "ordering": ["attempted_at", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="PrivacyNotice",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "version",
                            models.PositiveIntegerField(
                                editable=False,
                                help_text="Tự tăng khi lưu thay đổi.",
                                unique=True,
                                verbose_name="Phiên bản",
                            ),
                        ),
                        (
                            "title",
                            models.CharField(
                                default="Thông báo về xử lý dữ liệu cá nhân",
                                help_text="Hiện ngay trên các ô đồng ý.",
                                max_length=200,
                                verbose_name="Tiêu đề",
                            ),
                        ),
                        (
                            "body",
                            wagtail.fields.RichTextField(
                                help_text="Nêu rõ: thu thập dữ liệu gì, để làm gì, ai kiểm soát, ai nhận (công đoàn được chuyển đến), lưu bao lâu, quyền của người đăng ký và cách thực hiện.",
                                verbose_name="Nội dung",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now,
                                editable=False,
                                verbose_name="Tạo lúc",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="Người tạo",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "thông báo dữ liệu cá nhân",
                        "verbose_name_plural": "Thông báo dữ liệu cá nhân",
                        "db_table": "campaigns_privacynotice",
                        "ordering": ["-version"],
                    },
                ),
                migrations.CreateModel(
                    name="RegistryExport",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="Lúc"
                            ),
                        ),
                        ("file_format", models.CharField(max_length=8, verbose_name="Định dạng")),
                        ("row_count", models.PositiveIntegerField(verbose_name="Số dòng")),
                        (
                            "filters",
                            models.JSONField(blank=True, default=dict, verbose_name="Bộ lọc"),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "lần xuất danh sách đăng ký",
                        "verbose_name_plural": "Các lần xuất danh sách đăng ký",
                        "db_table": "campaigns_registryexport",
                        "ordering": ["-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="SignupSubmission",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "submitted_at",
                            models.DateTimeField(
                                db_index=True,
                                default=django.utils.timezone.now,
                                verbose_name="Gửi lúc",
                            ),
                        ),
                        ("data", models.JSONField(default=dict, verbose_name="Nội dung đã nhập")),
                        (
                            "normalised",
                            models.JSONField(default=dict, verbose_name="Nội dung đã chuẩn hoá"),
                        ),
                        (
                            "consent_registration",
                            models.BooleanField(
                                default=False, verbose_name="Đồng ý xử lý để đăng ký"
                            ),
                        ),
                        (
                            "consent_news",
                            models.BooleanField(default=False, verbose_name="Đồng ý nhận tin"),
                        ),
                        (
                            "is_first",
                            models.BooleanField(default=False, verbose_name="Lần gửi đầu"),
                        ),
                        (
                            "review",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("", "Lần đầu"),
                                    ("same", "Không có gì khác"),
                                    ("pending", "Chờ duyệt"),
                                    ("accepted", "Đã chấp nhận"),
                                    ("ignored", "Đã bỏ qua"),
                                ],
                                default="",
                                max_length=10,
                                verbose_name="Duyệt thay đổi",
                            ),
                        ),
                        ("reviewed_at", models.DateTimeField(blank=True, null=True)),
                        ("erased_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "notice",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="registry.privacynotice",
                                verbose_name="Phiên bản thông báo",
                            ),
                        ),
                        (
                            "reviewed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "signup",
                            models.ForeignKey(
                                editable=False,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="submissions",
                                to="registry.membersignup",
                            ),
                        ),
                        (
                            "source_page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="Trang",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "lần gửi đăng ký",
                        "verbose_name_plural": "Các lần gửi đăng ký",
                        "db_table": "campaigns_signupsubmission",
                        "ordering": ["submitted_at", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="ConsentRecord",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "purpose",
                            models.CharField(
                                choices=[
                                    ("registration", "Xử lý dữ liệu để đăng ký đoàn viên"),
                                    ("news", "Nhận tin qua SMS/thư điện tử"),
                                ],
                                max_length=16,
                                verbose_name="Mục đích",
                            ),
                        ),
                        (
                            "granted_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="Đồng ý lúc"
                            ),
                        ),
                        (
                            "withdrawn_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="Rút lại lúc"),
                        ),
                        (
                            "source_page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        (
                            "withdrawn_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "signup",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="consents",
                                to="registry.membersignup",
                            ),
                        ),
                        (
                            "notice",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                to="registry.privacynotice",
                                verbose_name="Phiên bản thông báo",
                            ),
                        ),
                        (
                            "submission",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="consents",
                                to="registry.signupsubmission",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "sự đồng ý",
                        "verbose_name_plural": "Các sự đồng ý",
                        "db_table": "campaigns_consentrecord",
                        "ordering": ["granted_at", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="StatusChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "from_status",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("new", "Mới"),
                                    ("contacted", "Đã liên hệ"),
                                    ("forwarded", "Đã chuyển công đoàn"),
                                    ("admitted", "Đã kết nạp"),
                                    ("declined", "Không kết nạp"),
                                    ("withdrawn", "Đã rút"),
                                ],
                                max_length=16,
                                verbose_name="Từ",
                            ),
                        ),
                        (
                            "to_status",
                            models.CharField(
                                choices=[
                                    ("new", "Mới"),
                                    ("contacted", "Đã liên hệ"),
                                    ("forwarded", "Đã chuyển công đoàn"),
                                    ("admitted", "Đã kết nạp"),
                                    ("declined", "Không kết nạp"),
                                    ("withdrawn", "Đã rút"),
                                ],
                                max_length=16,
                                verbose_name="Sang",
                            ),
                        ),
                        (
                            "changed_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="Lúc"
                            ),
                        ),
                        (
                            "note",
                            models.CharField(blank=True, max_length=200, verbose_name="Ghi chú"),
                        ),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="Người đổi",
                            ),
                        ),
                        (
                            "signup",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="status_changes",
                                to="registry.membersignup",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "đổi trạng thái",
                        "verbose_name_plural": "Lịch sử trạng thái",
                        "db_table": "campaigns_statuschange",
                        "ordering": ["changed_at", "pk"],
                    },
                ),
                migrations.AddConstraint(
                    model_name="membersignup",
                    constraint=models.UniqueConstraint(
                        fields=("phone",), name="campaigns_membersignup_unique_phone"
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            move_content_types("campaigns", "registry"), move_content_types("registry", "campaigns")
        ),
    ]
