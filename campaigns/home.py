"""The home page's "Chiến dịch" section."""

from campaigns.models.pages import split_current_and_past

HOME_CAMPAIGNS_SIZE = 3


def featured_campaigns(request, home_page):
    """Campaigns editors marked "featured": current ones first (by start date), then the most
    recently ended, at most three. A fixed few queries whatever the number of campaigns."""
    from campaigns.models import CampaignIndexPage, CampaignPage
    from campaigns.models.pages import _with_card_images

    queryset = (
        CampaignPage.objects.live()
        .public()
        .filter(featured=True)
        .order_by("-start_date", "-pk")[: HOME_CAMPAIGNS_SIZE * 4]
    )
    campaigns = list(_with_card_images(queryset))
    if not campaigns:
        return {}
    current, past = split_current_and_past(campaigns)
    return {
        "featured_campaigns": (current + past)[:HOME_CAMPAIGNS_SIZE],
        "campaign_index": CampaignIndexPage.objects.live().public().first(),
    }
