from campaigns.models.pages import CampaignIndexPage, CampaignPage, CampaignPageTag
from campaigns.models.videos import (
    CampaignPageRelatedVideo,
    VideoCaption,
    VideoStoryIndexPage,
    VideoStoryPage,
    VideoStoryPageTag,
)

__all__ = [
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignPageRelatedVideo",
    "CampaignPageTag",
    "VideoCaption",
    "VideoStoryIndexPage",
    "VideoStoryPage",
    "VideoStoryPageTag",
]
