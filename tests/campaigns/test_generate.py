"""Bulk sample partners (`generate_content --partners`)."""

import pytest

from campaigns.generate import generate_partners
from campaigns.models import Partner


@pytest.mark.django_db
def test_generate_partners_counts_and_skips_existing(home_page):
    assert generate_partners(12, seed=7) == 12
    assert generate_partners(12, seed=7) == 0
    assert Partner.objects.filter(name__contains="(dữ liệu mẫu)").count() == 12
