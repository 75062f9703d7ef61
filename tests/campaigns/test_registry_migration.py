"""The registry moved from the `campaigns` app to its own app (`registry`) without losing a row.

The test migrates the database back to the state before the move, fills it through the historical
models (entries, submissions, consents, status history, hand-offs, targets, notices, forwarding
addresses, export records, a staff group holding the registry's permissions, an admin log entry),
migrates forward again, and checks that every row, every relation and every permission is there,
seen through today's models. It runs on SQLite and on PostgreSQL (`DATABASE_URL`).
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.databases import ensure_root_site
from tests.migrations import migrate_back, migrate_forward

from .registry_helpers import GROUP

BEFORE_MOVE = [("campaigns", "0006_verbose_name_plural"), ("registry", None)]
REGISTRY_MODELS = [
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


def test_the_migrated_test_database_gives_the_staff_group_the_registry_permissions(db):
    """A database migrated from scratch: the group made by campaigns/migrations/0002 holds the
    permissions of the models in their new app."""
    group = Group.objects.get(name=GROUP)
    held = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("registry", "export_membersignup") in held
    assert ("registry", "view_membersignup") in held
    assert ("registry", "change_privacynotice") in held
    assert not any(label == "campaigns" and "membersignup" in code for label, code in held)
    assert not ContentType.objects.filter(app_label="campaigns", model__in=REGISTRY_MODELS)


@pytest.mark.django_db(transaction=True)
def test_moving_the_registry_keeps_every_row_relation_and_permission():
    ensure_root_site()  # an earlier transactional test may have flushed the page tree
    executor = MigrationExecutor(connection)
    old = migrate_back(executor, BEFORE_MOVE)
    try:
        ids = fill_before_the_move(old)
    finally:
        migrate_forward(executor)
    check_after_the_move(ids)


def fill_before_the_move(apps):
    OldContentType = apps.get_model("contenttypes", "ContentType")
    OldPermission = apps.get_model("auth", "Permission")
    OldGroup = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    Page = apps.get_model("wagtailcore", "Page")
    PrivacyNotice = apps.get_model("campaigns", "PrivacyNotice")
    MemberSignup = apps.get_model("campaigns", "MemberSignup")
    SignupSubmission = apps.get_model("campaigns", "SignupSubmission")
    ConsentRecord = apps.get_model("campaigns", "ConsentRecord")
    StatusChange = apps.get_model("campaigns", "StatusChange")
    Forwarding = apps.get_model("campaigns", "Forwarding")
    ProvinceForwardAddress = apps.get_model("campaigns", "ProvinceForwardAddress")
    MembershipTarget = apps.get_model("campaigns", "MembershipTarget")
    RegistryExport = apps.get_model("campaigns", "RegistryExport")

    # Before the move the registry's content types belong to `campaigns`.
    signup_type, _ = OldContentType.objects.get_or_create(
        app_label="campaigns", model="membersignup"
    )
    for model in REGISTRY_MODELS:
        OldContentType.objects.get_or_create(app_label="campaigns", model=model)
    view, _ = OldPermission.objects.get_or_create(
        content_type=signup_type, codename="view_membersignup", defaults={"name": "Can view"}
    )
    export, _ = OldPermission.objects.get_or_create(
        content_type=signup_type,
        codename="export_membersignup",
        defaults={"name": "Xuất danh sách đăng ký đoàn viên"},
    )
    group, _ = OldGroup.objects.get_or_create(name="Tổ tiếp nhận tỉnh (trước khi chuyển)")
    group.permissions.add(view, export)
    clerk = User.objects.create(username="can-bo-truoc-khi-chuyen")
    clerk.groups.add(group)
    page = Page.objects.order_by("depth").first()

    now = timezone.now()
    notice = PrivacyNotice.objects.create(version=1, title="Thông báo", body="<p>Nội dung</p>")
    entries = []
    for n in range(3):
        entry = MemberSignup.objects.create(
            phone=f"+8491234567{n}",
            full_name=f"Nguyễn Thị Lan {n}",
            name_folded=f"nguyen thi lan {n}",
            date_of_birth=datetime.date(1990, 9, 5),
            sex="nu",
            province="01",
            workplace="Trường Tiểu học Kim Liên",
            nationality="Việt Nam",
            status="new" if n else "contacted",
            source_page=page,
            created_at=now,
            has_pending_changes=n == 2,
        )
        submission = SignupSubmission.objects.create(
            signup=entry,
            submitted_at=now,
            source_page=page,
            notice=notice,
            data={"phone": f"091 234 567{n}"},
            normalised={"phone": entry.phone},
            consent_registration=True,
            is_first=True,
        )
        ConsentRecord.objects.create(
            signup=entry, submission=submission, purpose="registration", notice=notice
        )
        entries.append((entry.pk, submission.pk))
    first = entries[0][0]
    StatusChange.objects.create(signup_id=first, from_status="new", to_status="contacted")
    Forwarding.objects.create(
        signup_id=first, forwarder="EmailForwarder", recipient="tochuc@example.vn", outcome="sent"
    )
    ProvinceForwardAddress.objects.create(province="01", email="tochuc@example.vn")
    MembershipTarget.objects.create(label="1.000.000 đoàn viên mới", year=2026, target=1_000_000)
    RegistryExport.objects.create(user=clerk, file_format="csv", row_count=3)

    # An admin log entry about an entry (Wagtail keeps the content type with it).
    LogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    log = LogEntry.objects.create(
        content_type=signup_type,
        label="Đăng ký số 1",
        action="campaigns.registry.status",
        object_id=str(first),
        timestamp=now,
        data={},
    )
    return {
        "entries": entries,
        "first": first,
        "notice": notice.pk,
        "page": page.pk,
        "clerk": clerk.pk,
        "group": group.pk,
        "signup_type": signup_type.pk,
        "log": log.pk,
    }


def check_after_the_move(ids):
    from wagtail.models import ModelLogEntry

    from campaigns.registry.models import (
        ConsentRecord,
        Forwarding,
        MembershipTarget,
        MemberSignup,
        ProvinceForwardAddress,
        RegistryExport,
        SignupSubmission,
        StatusChange,
    )

    assert MemberSignup._meta.app_label == "registry"
    assert MemberSignup.objects.count() == 3
    for entry_pk, submission_pk in ids["entries"]:
        entry = MemberSignup.objects.get(pk=entry_pk)
        assert entry.full_name.startswith("Nguyễn Thị Lan")
        assert entry.source_page_id == ids["page"]
        submission = entry.submissions.get()
        assert submission.pk == submission_pk
        assert submission.notice_id == ids["notice"]
        assert submission.data["phone"].startswith("091 234 567")
        assert ConsentRecord.objects.get(signup=entry).submission_id == submission_pk
    first = MemberSignup.objects.get(pk=ids["first"])
    assert first.status == "contacted"
    assert StatusChange.objects.get().signup_id == first.pk
    assert Forwarding.objects.get().signup_id == first.pk
    assert SignupSubmission.objects.count() == 3
    assert ProvinceForwardAddress.objects.get().email == "tochuc@example.vn"
    assert MembershipTarget.objects.get().target == 1_000_000
    assert RegistryExport.objects.get().user_id == ids["clerk"]

    # The unique phone constraint still holds on the moved table.
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        MemberSignup.objects.create(phone=first.phone)

    # The content type kept its id under the new label: permissions, groups, log entries follow.
    signup_type = ContentType.objects.get_for_model(MemberSignup)
    assert signup_type.pk == ids["signup_type"]
    assert signup_type.app_label == "registry"
    assert not ContentType.objects.filter(app_label="campaigns", model__in=REGISTRY_MODELS)
    clerk = get_user_model().objects.get(pk=ids["clerk"])
    assert clerk.has_perm("registry.view_membersignup")
    assert clerk.has_perm("registry.export_membersignup")
    assert not clerk.has_perm("campaigns.view_membersignup")
    held = Permission.objects.filter(group__pk=ids["group"])
    assert {p.codename for p in held} == {"view_membersignup", "export_membersignup"}
    log = ModelLogEntry.objects.get(pk=ids["log"])
    assert log.content_type_id == signup_type.pk
    assert log.object_id == str(first.pk)
