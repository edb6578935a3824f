"""URLs of the readers' comment form and of the captcha it shows.

The captcha views keep the names django-simple-captcha reverses
(``captcha-image``, ``captcha-audio``…), so they are not namespaced.
"""

from django.urls import include, path, re_path

from campaigns.comments import views

comment_patterns = [
    path("<int:page_id>/", views.comment_page, name="comment-create"),
    path("<int:page_id>/form/", views.comment_form, name="comment-form"),
    path("<int:page_id>/sent/<str:token>/", views.comment_sent, name="comment-sent"),
]

urlpatterns = [
    path("comments/", include((comment_patterns, "campaigns"))),
    re_path(
        r"^captcha/image/(?P<key>\w+)/$",
        views.captcha_image,
        name="captcha-image",
        kwargs={"scale": 1},
    ),
    re_path(
        r"^captcha/image/(?P<key>\w+)@2/$",
        views.captcha_image,
        name="captcha-image-2x",
        kwargs={"scale": 2},
    ),
    re_path(
        r"^captcha/image/(?P<key>\w+)@3/$",
        views.captcha_image,
        name="captcha-image-3x",
        kwargs={"scale": 3},
    ),
    re_path(
        r"^captcha/audio/(?P<key>\w+)\.wav$",
        views.captcha_audio,
        name="captcha-audio",
    ),
    re_path(r"^captcha/refresh/$", views.captcha_refresh, name="captcha-refresh"),
]
