"""Public progress toward the membership targets: aggregate counts only (never a name), cached
briefly under keys that hold no personal data."""

import datetime

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from campaigns.provinces import province_name

CACHE_SECONDS = 60
COUNTS_KEY = "campaigns:registry:counts:v1"
TARGETS_KEY = "campaigns:registry:targets:v1"

# Entries that count toward progress: everyone who registered, except people who withdrew or
# were declined. Erased entries stay counted (anonymous). Models are imported inside the functions:
# campaign blocks import this module while the models are being loaded.
COUNTED = ~Q(status__in=["declined", "withdrawn"])


def _period_q(start, end):
    condition = COUNTED
    tz = timezone.get_current_timezone()
    if start:
        condition &= Q(
            created_at__gte=datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
        )
    if end:
        condition &= Q(
            created_at__lt=datetime.datetime.combine(
                end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
            )
        )
    return condition


def registry_counts():
    """{"total", "by_province": [(code, name, n)], "by_page": {page_id: n}}, cached briefly."""
    from .models import MemberSignup

    counts = cache.get(COUNTS_KEY)
    if counts is None:
        # One grouped query (province × source page) gives all three aggregates.
        rows = (
            MemberSignup.objects.filter(COUNTED)
            .values_list("province", "source_page")
            .annotate(n=Count("pk"))
            .order_by()
        )
        total, by_province, by_page = 0, {}, {}
        for province, page_id, n in rows:
            total += n
            if province:
                by_province[province] = by_province.get(province, 0) + n
            if page_id:
                by_page[page_id] = by_page.get(page_id, 0) + n
        counts = {
            "total": total,
            "by_province": [
                (code, province_name(code), n)
                for code, n in sorted(by_province.items(), key=lambda item: (-item[1], item[0]))
            ],
            "by_page": by_page,
        }
        cache.set(COUNTS_KEY, counts, CACHE_SECONDS)
    return counts


def vn_number(n):
    """1.000.000: Vietnamese groups thousands with dots."""
    return f"{int(n):,}".replace(",", ".")


def _progress(target, count):
    achieved = target["baseline"] + count
    goal = target["target"] or 1
    return {
        **target,
        "count": count,
        "achieved": achieved,
        "percent": min(100.0, round(achieved * 100.0 / goal, 2)),
        "achieved_display": vn_number(achieved),
        "target_display": vn_number(target["target"]),
    }


def target_progress():
    """Every target with its live count, in one query, cached briefly: {pk: progress dict}."""
    from .models import MembershipTarget, MemberSignup

    result = cache.get(TARGETS_KEY)
    if result is None:
        targets = list(MembershipTarget.objects.values("pk", *MembershipTarget.FORM_FIELDS))
        aggregates = {}
        if targets:
            aggregates = MemberSignup.objects.aggregate(
                **{
                    f"t{t['pk']}": Count("pk", filter=_period_q(t["period_start"], t["period_end"]))
                    for t in targets
                }
            )
        result = {t["pk"]: _progress(t, aggregates.get(f"t{t['pk']}", 0)) for t in targets}
        cache.set(TARGETS_KEY, result, CACHE_SECONDS)
    return result


def goal_progress(target_id, page=None):
    """Progress of one target, optionally counting only sign-ups made on `page` (a campaign)."""
    target = target_progress().get(int(target_id)) if target_id else None
    if target is None:
        return None
    if page is not None and getattr(page, "pk", None):
        from .models import MemberSignup

        key = f"campaigns:registry:goal:v1:{int(target_id)}:{int(page.pk)}"
        count = cache.get(key)
        if count is None:
            count = MemberSignup.objects.filter(
                _period_q(target["period_start"], target["period_end"]), source_page_id=page.pk
            ).count()
            cache.set(key, count, CACHE_SECONDS)
        return _progress({**target, "baseline": 0}, count)
    return target


def target_choices():
    """Choices for the campaign goal block."""
    from .models import MembershipTarget

    try:
        return [
            (str(pk), label) for pk, label in MembershipTarget.objects.values_list("pk", "label")
        ]
    except Exception:  # the table may not exist yet (during migrate)
        return []


def membership_progress(request, home_page):
    """The home page's section: the targets shown on the home page and the top provinces."""
    targets = [t for t in target_progress().values() if t["show_on_home"]]
    counts = registry_counts()
    if not targets and not counts["total"]:
        return {}
    return {
        "membership_progress": {
            "targets": targets,
            "total": counts["total"],
            "total_display": vn_number(counts["total"]),
            "top_provinces": [
                (code, name, vn_number(n)) for code, name, n in counts["by_province"][:5]
            ],
        }
    }
