from campaigns.models.comments import (
    Comment,
    CommentBlock,
    CommentPolicy,
    CommentStatus,
)
from campaigns.models.generation import ContentGeneration
from campaigns.models.pages import CampaignIndexPage, CampaignPage, CampaignPageTag
from campaigns.models.pins import CampaignIndexPinnedCampaign
from campaigns.models.preview import HeadlessPreviewSettings
from campaigns.models.site_media import SiteMediaSettings
from campaigns.models.stats import (
    DailyVisits,
    PageDailyViews,
    PageViewCount,
    VisitorStatisticsSettings,
)
from campaigns.models.videos import (
    CampaignPageRelatedVideo,
    VideoCaption,
    VideoStoryIndexPage,
    VideoStoryPage,
    VideoStoryPageTag,
)

__all__ = [
    "CampaignIndexPage",
    "CampaignIndexPinnedCampaign",
    "CampaignPage",
    "CampaignPageRelatedVideo",
    "CampaignPageTag",
    "Comment",
    "CommentBlock",
    "CommentPolicy",
    "CommentStatus",
    "ContentGeneration",
    "DailyVisits",
    "HeadlessPreviewSettings",
    "PageDailyViews",
    "PageViewCount",
    "SiteMediaSettings",
    "VideoCaption",
    "VideoStoryIndexPage",
    "VideoStoryPage",
    "VideoStoryPageTag",
    "VisitorStatisticsSettings",
]
