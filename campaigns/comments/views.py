"""The readers' comment form in HTML, and the captcha it shows (DESIGN §5).

The article stays cacheable: it holds no CSRF token and no captcha key, only a
link to the form page below. ``comments.js`` fetches the same form as a
fragment and sends it with ``fetch``; without JavaScript the link opens the
full page. Both answer with ``Cache-Control: no-store`` and post through
:func:`campaigns.comments.posting.post_comment`, the service the API calls too.
"""

from functools import wraps

from captcha import views as captcha_views
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.core import signing
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_safe

from campaigns import conf, sites
from campaigns.comments.captcha import (
    draw_image,
    image_densities,
    image_size,
    image_srcset,
    new_challenge,
)
from campaigns.comments.forms import CommentForm
from campaigns.comments.posting import (
    CommentRefused,
    CommentsClosed,
    DuplicateComment,
    InvalidComment,
    PageNotFound,
    PosterBlocked,
    commentable_page,
    ensure_open,
    post_comment,
)
from campaigns.models.comments import Comment, CommentStatus
from campaigns.rate_limits import CAPTCHA_LIMITS, RateLimited, enforce

FRAGMENT_TEMPLATE = "campaigns/comments/form.html"
PAGE_TEMPLATE = "campaigns/comments/form_page.html"

#: What a reader typed, sent back with the errors; never the honeypot or captcha.
KEPT_FIELDS = ("name", "title", "content", "email")

#: The fields a reader sees, and so the only ones ``aria-*`` attributes go on.
VISIBLE_FIELDS = ("name", "title", "content", "email", "captcha_value")
#: The content's character counter, which ``comments.js`` keeps up to date.
COUNTER_ID = "comment-content-counter"

#: Signs the confirmation page's token; a token opens it for this long (seconds).
SENT_SALT = "campaigns.comments.sent"
SENT_MAX_AGE = 24 * 60 * 60

#: Parameter of the no-JavaScript "new code" button: show a new captcha, keep the text.
REFRESH_PARAMETER = "refresh_captcha"


class HttpResponseSeeOther(HttpResponseRedirect):
    """303: the answer to a POST is fetched with GET, whatever the browser."""

    status_code = 303


def _retry_message(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return ngettext(
        "You have sent too many requests. Please try again in %(minutes)d minute.",
        "You have sent too many requests. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def _body_too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > conf.COMMENT_MAX_BODY


def _display_form(values: dict | None, errors: dict) -> tuple[CommentForm, dict]:
    """An unbound form showing ``values`` and a new challenge, and its captcha.

    Unbound on purpose: a bound form validates when its errors are read, and
    validating uses up the challenge it was sent with.
    """
    challenge = new_challenge()
    initial = {name: (values or {}).get(name, "") for name in KEPT_FIELDS}
    initial["captcha_key"] = challenge["key"]
    form = CommentForm(initial=initial, auto_id="comment-%s")
    # A long paste is kept whole: the counter warns, the server refuses.
    del form.fields["content"].widget.attrs["maxlength"]
    for name in VISIBLE_FIELDS:
        field = form.fields[name]
        described = []
        if field.help_text or name == "captcha_value":
            described.append(f"comment-{name}-hint")
        if name == "content":
            described.append(COUNTER_ID)
        if errors.get(name):
            described.append(f"comment-{name}-error")
            field.widget.attrs["aria-invalid"] = "true"
        if described:
            field.widget.attrs["aria-describedby"] = " ".join(described)
    form.fields["captcha_value"].widget.attrs["size"] = captcha_settings.CAPTCHA_LENGTH
    # The honeypot: out of the tab order and never filled in by the browser.
    form.fields["website"].widget.attrs.update(
        {"tabindex": "-1", "autocomplete": "off"}
    )
    if len(image_densities()) > 1:
        challenge["srcset"] = image_srcset(challenge["key"])
    challenge["width"], challenge["height"] = image_size()
    return form, challenge


def _form_context(page, *, values=None, errors=None, notice=None) -> dict:
    errors = errors or {}
    form, challenge = _display_form(values, errors)
    limit = form.fields["content"].max_length
    return {
        "form": form,
        "challenge": challenge,
        "errors": errors,
        "non_field_errors": errors.get("__all__", []),
        "captcha_errors": errors.get("captcha_value", []),
        "content_counter": {
            "id": COUNTER_ID,
            "limit": limit,
            "shown_limit": formats.number_format(limit, force_grouping=True),
        },
        "notice": notice,
        "show_form": True,
    }


def _notice(kind: str, message) -> dict:
    return {"kind": kind, "message": message}


def _render(request, page, context: dict, *, fragment: bool, status: int = 200):
    context = {
        **context,
        "article": page,
        "form_urls": {
            "page": reverse("campaigns:comment-create", args=[page.pk]),
            "fragment": reverse("campaigns:comment-form", args=[page.pk]),
        },
        "retention": {
            "ip_days": conf.IP_HASH_RETENTION_DAYS,
            "email_days": conf.EMAIL_RETENTION_DAYS,
        },
    }
    context["standalone"] = not fragment
    if fragment:
        context["subheading"] = "h3"  # under the article's "Readers' comments"
        return render(request, FRAGMENT_TEMPLATE, context, status=status)
    context["subheading"] = "h2"
    trail = list(page.get_ancestors(inclusive=True).filter(depth__gt=1))
    return render(
        request,
        PAGE_TEMPLATE,
        {
            **context,
            "page": page,
            "trail": trail,
            "campaigns_base_template": conf.BASE_TEMPLATE,
        },
        status=status,
    )


def _rate_limited(request, page, exc: RateLimited, *, fragment, values=None):
    notice = _notice("error", _retry_message(exc.retry_after))
    if values is None:
        context = {"notice": notice, "show_form": False}
    else:
        context = _form_context(page, values=values, notice=notice)
    response = _render(request, page, context, fragment=fragment, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


def _show_form(request, page, *, fragment, values=None):
    """A new challenge: rate-limited like the captcha endpoints it stands beside."""
    try:
        ensure_open(page)
        enforce(request, CAPTCHA_LIMITS)
    except RateLimited as exc:
        return _rate_limited(request, page, exc, fragment=fragment, values=values)
    except CommentRefused as exc:
        return _render(
            request,
            page,
            {"notice": _notice("closed", exc.message), "show_form": False},
            fragment=fragment,
            status=exc.status,
        )
    context = _form_context(page, values=values)
    return _render(request, page, context, fragment=fragment)


def _post(request, page, *, fragment):
    data = request.POST
    values = {name: data.get(name, "") for name in KEPT_FIELDS}
    if data.get(REFRESH_PARAMETER):
        return _show_form(request, page, fragment=fragment, values=values)
    try:
        comment = post_comment(request, page, data)
    except RateLimited as exc:
        return _rate_limited(request, page, exc, fragment=fragment, values=values)
    except DuplicateComment as exc:
        # Sent twice: the first one (the same poster's) awaits moderation.
        comment = exc.comment
    except InvalidComment as exc:
        context = _form_context(
            page,
            values=values,
            errors=exc.errors,
            notice=_notice("error", exc.message),
        )
        return _render(request, page, context, fragment=fragment, status=exc.status)
    except (CommentsClosed, PosterBlocked) as exc:
        context = {"notice": _notice("closed", exc.message), "show_form": False}
        return _render(request, page, context, fragment=fragment, status=exc.status)
    except CommentRefused as exc:
        context = _form_context(
            page, values=values, notice=_notice("error", exc.message)
        )
        return _render(request, page, context, fragment=fragment, status=exc.status)
    if comment is not None and not fragment:
        # Post, redirect, get: reloading the answer does not send again.
        return HttpResponseSeeOther(sent_url(comment))
    context = {"notice": _notice("success", _received_message()), "show_form": False}
    return _render(request, page, context, fragment=fragment)


def _received_message() -> str:
    return gettext(
        "Thank you. Your comment has been received and awaits moderation. It will "
        "appear under the article once a moderator has approved it."
    )


def sent_url(comment) -> str:
    """The confirmation page of ``comment``, for its poster's eyes only.

    Its address carries a signed, expiring token rather than the comment's id,
    so that nobody can read someone else's pending comment by guessing.
    """
    token = signing.dumps(comment.pk, salt=SENT_SALT, compress=True)
    return reverse("campaigns:comment-sent", args=[comment.page_id, token])


def _sent_comment(page, token: str):
    try:
        pk = signing.loads(token, salt=SENT_SALT, max_age=SENT_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return Comment.objects.filter(pk=pk, page_id=page.pk).first()


@csrf_protect
def _checked(request, page, *, fragment):
    if request.method == "POST":
        return _post(request, page, fragment=fragment)
    return _show_form(request, page, fragment=fragment)


def _serve(request, page_id, *, fragment: bool):
    try:
        page = commentable_page(page_id, sites.site_id_for_request(request))
    except PageNotFound:
        raise Http404 from None
    language = page.locale.language_code
    with translation.override(language):
        if request.method == "POST" and _body_too_large(request):
            message = gettext(
                "Your comment is too long to be sent. Shorten it and try again."
            )
            context = {"notice": _notice("error", message), "show_form": False}
            response = _render(request, page, context, fragment=fragment, status=413)
        else:
            response = _checked(request, page, fragment=fragment)
    response["Content-Language"] = language
    return response


# CSRF is checked in _checked(), once the body is known to be small enough to
# read: the middleware would parse any body up to Django's own limit first.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def comment_page(request, page_id):
    """The full form page for an article: where the link leads without JavaScript."""
    return _serve(request, page_id, fragment=False)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def comment_form(request, page_id):
    """The form alone, for ``comments.js`` to put under the article and to post to."""
    return _serve(request, page_id, fragment=True)


@never_cache
@require_safe
def comment_sent(request, page_id, token):
    """What became of a comment sent without JavaScript: where the POST redirects."""
    try:
        page = commentable_page(page_id, sites.site_id_for_request(request))
    except PageNotFound:
        raise Http404 from None
    comment = _sent_comment(page, token)
    if comment is None:
        raise Http404
    language = page.locale.language_code
    with translation.override(language):
        pending = comment.status == CommentStatus.PENDING
        if pending:
            message = _received_message()
        else:
            message = gettext("A moderator has already reviewed this comment.")
        context = {
            "notice": _notice("success", message),
            "show_form": False,
            # Shown only while pending: afterwards the article shows it, or not.
            "sent_comment": comment if pending else None,
            "page_heading": gettext("Comment sent"),
        }
        response = _render(request, page, context, fragment=False)
    response["Content-Language"] = language
    # The token stays out of the Referer of the links on the page.
    response["Referrer-Policy"] = "no-referrer"
    return response


def _captcha_endpoint(view):
    """django-simple-captcha's ``view``, uncached and rate-limited per client."""

    @never_cache
    @require_safe
    @wraps(view)
    def endpoint(request, *args, **kwargs):
        try:
            enforce(request, CAPTCHA_LIMITS)
        except RateLimited as exc:
            response = HttpResponse(
                _retry_message(exc.retry_after),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(exc.retry_after)
            return response
        return view(request, *args, **kwargs)

    return endpoint


def _captcha_picture(request, key, scale=1):
    """The challenge's picture at density ``scale``: our layout, the library's look."""
    if scale not in image_densities():
        raise Http404
    store = CaptchaStore.objects.filter(hashkey=key).first()
    if store is None:
        return HttpResponse(status=410)  # gone, so that crawlers drop the address
    return HttpResponse(draw_image(store, scale), content_type="image/png")


captcha_image = _captcha_endpoint(_captcha_picture)
captcha_audio = _captcha_endpoint(captcha_views.captcha_audio)
captcha_refresh = _captcha_endpoint(captcha_views.captcha_refresh)
