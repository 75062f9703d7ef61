"""The home page's "Chiến dịch" section."""

from campaigns.models.campaign_pages import CampaignPage, split_current_and_past, with_card_images
from portal.pagecache.privacy import private_q

HOME_CAMPAIGNS_SIZE = 3


def featured_campaigns(request, home_page):
    """Campaigns editors marked "featured": current ones first (by start date), then the most
    recently ended, at most three. A fixed few queries whatever the number of campaigns."""
    queryset = CampaignPage.objects.live().exclude(private_q()).filter(featured=True)
    campaigns = list(with_card_images(queryset).order_by("-start_date", "-pk")[:12])
    if not campaigns:
        return {}
    current, past = split_current_and_past(campaigns)
    featured = (current + past)[:HOME_CAMPAIGNS_SIZE]
    # Campaign pages live only under the campaign index: its URL is their parent's, no query.
    url = featured[0].get_url(request) or ""
    return {
        "featured_campaigns": featured,
        "campaign_index_url": url.rstrip("/").rsplit("/", 1)[0] + "/" if url else "",
    }
