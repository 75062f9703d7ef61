"""Bulk sample partners for benchmarks (`generate_content --partners N`), built by the partner
factory and marked as sample data."""

import random
from datetime import date

from .demo.partners import SAMPLE_SUFFIX, partner_logo
from .factories import PartnerFactory
from .models import Partner, PartnerLocation, Province, Scope, Sector

__all__ = ["generate_partners"]


def generate_partners(n, seed=2024, stdout=None):
    """Create `n` more sample partners (marked as sample data), spread over sectors, scopes and
    provinces. Returns how many were created; existing ones (same slug) are skipped."""
    Province.ensure_all()
    rng = random.Random(seed)
    provinces = list(Province.objects.all())
    logos = [partner_logo(chr(ord("A") + i % 26), i) for i in range(12)]
    sectors = [value for value, _label in Sector.choices]
    created = 0
    for i in range(1, n + 1):
        slug = f"doi-tac-mau-{seed}-{i}"
        if Partner.objects.filter(slug=slug).exists():
            continue
        scope = rng.choice([Scope.NATIONWIDE, Scope.PROVINCE, Scope.PROVINCE, Scope.SECTOR])
        low = rng.choice([5, 10, 15, 20, 30])
        fields = dict(
            name=f"Đối tác mẫu số {i} {SAMPLE_SUFFIX}",
            slug=slug,
            logo=rng.choice(logos),
            sector=rng.choice(sectors),
            offer_summary=f"Giảm {low}% cho đoàn viên (ưu đãi giả định để thử hiệu năng).",
            discount_min=low,
            discount_max=low + rng.choice([0, 5, 10, 20]),
            for_family=rng.random() < 0.5,
            for_children=rng.random() < 0.3,
            claim_code=rng.random() < 0.3,
            claim_phone=rng.random() < 0.3,
            scope=scope,
            scope_sector="Đoàn viên ngành Y tế" if scope == Scope.SECTOR else "",
            valid_from=date(2024, 1, 1),
            valid_to=date(2029, 12, 31) if rng.random() < 0.85 else date(2024, 12, 31),
            agreement_number=f"{i}/TTHT-MAU",
        )
        chosen = rng.sample(provinces, 2)  # drawn after the fields, as before: same partners
        PartnerFactory(
            provinces=[p.code for p in chosen] if scope == Scope.PROVINCE else [],
            locations=[PartnerLocation(address=f"Số {i} đường Mẫu", province=chosen[0])],
            **fields,
        )
        created += 1
    if stdout is not None:
        stdout.write(f"Đối tác mẫu: đã sinh {created}.")
    return created
