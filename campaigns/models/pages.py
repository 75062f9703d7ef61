"""CampaignIndexPage, CampaignPage, PartnerProgramPage: the campaigns issue."""

__all__ = []
