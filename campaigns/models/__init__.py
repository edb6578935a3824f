from campaigns.models.comments import (
    Comment,
    CommentBlock,
    CommentPolicy,
    CommentStatus,
)
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
    "Comment",
    "CommentBlock",
    "CommentPolicy",
    "CommentStatus",
    "VideoCaption",
    "VideoStoryIndexPage",
    "VideoStoryPage",
    "VideoStoryPageTag",
]
