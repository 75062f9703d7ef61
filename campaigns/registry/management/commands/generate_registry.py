"""`manage.py generate_registry --entries N`: fill the registry with realistic, clearly fake
entries (for benchmarks and for trying the admin at scale; never on a live database).

Every entry gets what a real sign-up leaves behind: the entry, its first submission (what was
"typed") and its consent records, pointing at the current privacy notice and at a sign-up page.
Names are built from common Vietnamese family, middle and given names; phone numbers are unique,
consecutive numbers in the 059 range (`059 000 0000` upwards, continuing after the last one a
previous run used); workplaces and communes say "(dữ liệu thử)"; e-mail addresses, when present,
are on `example.invalid`. Provinces are the 34 units, statuses and sign-up dates (over the last
two years) are spread as in a running campaign.

On PostgreSQL the rows go in with COPY, in batches of `--batch` rows (one transaction each);
elsewhere (SQLite) with multi-row INSERTs (bulk_create). A million entries take a few minutes on
PostgreSQL.
"""

import csv
import io
import json
import random
import time
from datetime import UTC, date, datetime, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction
from django.utils import timezone

from campaigns.provinces import PROVINCES
from search.text import fold, squash

FAMILY_NAMES = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 4),
    ("Võ", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 1),
    ("Lý", 1),
    ("Đinh", 1),
    ("Trương", 1),
    ("Lương", 1),
    ("Mai", 1),
]
MIDDLE_MALE = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Công", "Xuân", "Đình", "Ngọc"]
MIDDLE_FEMALE = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Phương", "Hồng", "Thuỳ", "Mai"]
GIVEN_MALE = [
    "An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh",
    "Khoa", "Kiên", "Long", "Lâm", "Mạnh", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân",
    "Quang", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh",
]  # fmt: skip
GIVEN_FEMALE = [
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huyền", "Hương", "Lan",
    "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương",
    "Quỳnh", "Thảo", "Thu", "Thuỷ", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Yến",
]  # fmt: skip
WORKPLACES = [
    "Trường Tiểu học thử nghiệm số {n}",
    "Trường THCS thử nghiệm số {n}",
    "Bệnh viện thử nghiệm số {n}",
    "Trạm Y tế xã thử nghiệm số {n}",
    "Ủy ban nhân dân xã thử nghiệm số {n}",
    "Trung tâm Văn hoá thử nghiệm số {n}",
    "Sở thử nghiệm số {n}",
]
OCCUPATIONS = ["Giáo viên", "Bác sĩ", "Điều dưỡng", "Chuyên viên", "Kế toán", "Cán bộ thư viện", ""]
# A running campaign: most entries are new or handed off; few declined or withdrawn.
STATUSES = [
    ("new", 50),
    ("contacted", 10),
    ("forwarded", 22),
    ("admitted", 13),
    ("declined", 3),
    ("withdrawn", 2),
]
PHONE_PREFIX = "+8459"  # 059 + 7 digits: ten million numbers
PHONE_SPACE = 10_000_000


def _weighted(pairs):
    values, weights = zip(*pairs, strict=True)
    return list(values), list(weights)


class Generator:
    def __init__(self, seed, days):
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.days = days
        self.families = _weighted(FAMILY_NAMES)
        self.statuses = _weighted(STATUSES)
        self.provinces = [code for code, _name in PROVINCES]
        self.pages = self._source_pages()
        from campaigns.registry.models import PrivacyNotice

        notice = PrivacyNotice.current()
        self.notice_id = notice.pk if notice else None
        self._folded = {}

    def _source_pages(self):
        from campaigns.models import CampaignPage, SignupPage

        ids = list(SignupPage.objects.values_list("pk", flat=True))
        ids += list(CampaignPage.objects.values_list("pk", flat=True)[:10])
        return ids or [None]

    def folded(self, name):
        value = self._folded.get(name)
        if value is None:
            value = self._folded[name] = fold(squash(name))[:100]
        return value

    def entry(self, pk, submission_pk, number):
        rng = self.rng
        female = rng.random() < 0.55
        family = rng.choices(*self.families)[0]
        middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
        given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
        name = f"{family} {middle} {given}"
        phone = f"{PHONE_PREFIX}{number:07d}"
        province = rng.choice(self.provinces)
        created = self.now - timedelta(seconds=rng.randrange(self.days * 86400))
        status = rng.choices(*self.statuses)[0]
        born = date(rng.randrange(1966, 2008), rng.randrange(1, 13), rng.randrange(1, 29))
        workplace = rng.choice(WORKPLACES).format(n=rng.randrange(1, 400)) + " (dữ liệu thử)"
        email = f"thu.nghiem.{number}@example.invalid" if rng.random() < 0.3 else ""
        forwarded = status in ("forwarded", "admitted")
        values = {
            "full_name": name,
            "date_of_birth": born,
            "sex": "nu" if female else "nam",
            "phone": phone,
            "email": email,
            "province": province,
            "commune": f"Xã thử nghiệm {rng.randrange(1, 90)} (dữ liệu thử)",
            "workplace": workplace,
            "occupation": rng.choice(OCCUPATIONS),
            "grassroots_union": "",
            "nationality": "Việt Nam",
            "long_contract_confirmed": False,
        }
        source_page_id = rng.choice(self.pages)
        signup = {
            "id": pk,
            **values,
            "name_folded": self.folded(name),
            "status": status,
            "source_page_id": source_page_id,
            "created_at": created,
            "updated_at": created,
            "has_pending_changes": rng.random() < 0.01,
            "forwarded_at": created + timedelta(minutes=5) if forwarded else None,
        }
        national = "0" + phone[3:]
        typed = {
            "full_name": name,
            "date_of_birth": born.strftime("%d/%m/%Y"),
            "sex": values["sex"],
            "phone": f"{national[:4]} {national[4:7]} {national[7:]}",
            "email": email,
            "province": province,
            "commune": values["commune"],
            "workplace": workplace,
            "freelance": "",
            "occupation": values["occupation"],
            "grassroots_union": "",
            "nationality": "VN",
            "nationality_other": "",
            "long_contract": "",
            "consent_registration": "on",
            "consent_news": "",
        }
        news = rng.random() < 0.3
        if news:
            typed["consent_news"] = "on"
        normalised = {**values, "date_of_birth": born.isoformat()}
        submission = {
            "id": submission_pk,
            "signup_id": pk,
            "submitted_at": created,
            "source_page_id": source_page_id,
            "notice_id": self.notice_id,
            "data": typed,
            "normalised": normalised,
            "consent_registration": True,
            "consent_news": news,
            "is_first": True,
            "review": "",
        }
        purposes = ["registration"]
        if news:
            purposes.append("news")
        consents = [
            {
                "signup_id": pk,
                "submission_id": submission_pk,
                "purpose": purpose,
                "notice_id": self.notice_id,
                "source_page_id": source_page_id,
                "granted_at": created,
            }
            for purpose in purposes
        ]
        return signup, submission, consents


class Table:
    """One model's columns, in order, with the default of every column the generator leaves out
    (so fields added to the model later get their defaults)."""

    def __init__(self, model, with_pk=True):
        self.model = model
        self.fields = [
            f for f in model._meta.concrete_fields if with_pk or not isinstance(f, models.AutoField)
        ]
        self.defaults = {
            f.attname: (None if f.null and not f.has_default() else f.get_default())
            for f in self.fields
        }

    def csv_row(self, values):
        row = []
        for field in self.fields:
            value = values.get(field.attname, self.defaults[field.attname])
            if value is None:
                pass
            elif isinstance(field, models.JSONField):
                value = json.dumps(value, ensure_ascii=False)
            elif isinstance(value, datetime):
                value = value.astimezone(UTC).isoformat()
            row.append(value)
        return row

    def copy(self, cursor, rows):
        buffer = io.StringIO()
        writer = csv.writer(buffer, quoting=csv.QUOTE_NOTNULL)
        writer.writerows(self.csv_row(values) for values in rows)
        buffer.seek(0)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        table = connection.ops.quote_name(self.model._meta.db_table)
        cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv)", buffer)

    def insert(self, rows):
        self.model.objects.bulk_create((self.model(**values) for values in rows), batch_size=500)


def _next_pk(model):
    last = model.objects.aggregate(m=models.Max("pk"))["m"]
    return (last or 0) + 1


def _reset_sequences(models_):
    sql = connection.ops.sequence_reset_sql(no_style(), models_)
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)


def no_style():
    from django.core.management.color import no_style as _no_style

    return _no_style()


class Command(BaseCommand):
    help = (
        "Thêm N đăng ký đoàn viên giả (dữ liệu thử, số điện thoại 059…) vào danh sách đăng ký, "
        "để đo hiệu năng. Không chạy trên cơ sở dữ liệu thật."
    )

    def add_arguments(self, parser):
        parser.add_argument("--entries", type=int, required=True, help="Số đăng ký cần thêm.")
        parser.add_argument("--batch", type=int, default=20_000, help="Số dòng mỗi lần ghi.")
        parser.add_argument("--seed", type=int, default=None, help="Hạt giống ngẫu nhiên.")
        parser.add_argument(
            "--days", type=int, default=730, help="Ngày đăng ký rải trong bấy nhiêu ngày qua."
        )

    def handle(self, *args, entries, batch, seed, days, **options):
        if entries <= 0:
            raise CommandError("--entries phải lớn hơn 0.")
        from campaigns.registry.models import ConsentRecord, MemberSignup, SignupSubmission

        last = (
            MemberSignup.objects.filter(phone__startswith=PHONE_PREFIX)
            .order_by("-phone")
            .values_list("phone", flat=True)
            .first()
        )
        first_number = int(last[len(PHONE_PREFIX) :]) + 1 if last else 0
        if first_number + entries > PHONE_SPACE:
            raise CommandError("Hết dải số điện thoại thử (059…): tối đa 10.000.000 đăng ký.")
        generator = Generator(seed if seed is not None else first_number, days)
        use_copy = connection.vendor == "postgresql"
        tables = [
            Table(MemberSignup),
            Table(SignupSubmission),
            Table(ConsentRecord, with_pk=False),
        ]
        started = time.monotonic()
        done = 0
        while done < entries:
            size = min(batch, entries - done)
            with transaction.atomic():
                if use_copy:
                    with connection.cursor() as cursor:
                        table = connection.ops.quote_name(MemberSignup._meta.db_table)
                        cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
                first_pk = _next_pk(MemberSignup)
                first_submission_pk = _next_pk(SignupSubmission)
                signups, submissions, consents = [], [], []
                for i in range(size):
                    signup, submission, entry_consents = generator.entry(
                        first_pk + i, first_submission_pk + i, first_number + done + i
                    )
                    signups.append(signup)
                    submissions.append(submission)
                    consents.extend(entry_consents)
                if use_copy:
                    with connection.cursor() as cursor:
                        for table, rows in zip(
                            tables, (signups, submissions, consents), strict=True
                        ):
                            table.copy(cursor, rows)
                else:
                    for table, rows in zip(tables, (signups, submissions, consents), strict=True):
                        table.insert(rows)
                _reset_sequences([MemberSignup, SignupSubmission])
            done += size
            if entries > batch:
                self.stdout.write(f"  {done:,}/{entries:,} ({time.monotonic() - started:.0f} s)")
        if use_copy:
            with connection.cursor() as cursor:
                for model in (MemberSignup, SignupSubmission, ConsentRecord):
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã thêm {entries:,} đăng ký thử trong {time.monotonic() - started:.0f} giây."
            )
        )
