from campaigns.models.pages import CampaignIndexPage, CampaignPage, CampaignPageTag

__all__ = ["CampaignIndexPage", "CampaignPage", "CampaignPageTag"]
