"""The plugin's URLs in one include: the APIs at api/, the comment form and captcha."""

from django.urls import include, path

urlpatterns = [
    path("api/", include("campaigns.api.urls")),
    path("", include("campaigns.comments.urls")),
]
