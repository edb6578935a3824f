"""Automatic redirects only from addresses that were once public.

Wagtail's redirects app adds a redirect whenever a page's slug changes or the
page moves, even for a draft that was never published: an address nobody was
ever given becomes a public one, naming the draft. With
``CAMPAIGNS_PUBLIC_REDIRECTS_ONLY`` its two receivers are wrapped so that they
act only for pages that have been live (``first_published_at`` is set on the
first publish and never cleared). The rest is Wagtail's own code.
"""

from functools import wraps

from wagtail.signals import page_slug_changed, post_page_move

_RECEIVERS = {
    "autocreate_redirects_on_slug_change": page_slug_changed,
    "autocreate_redirects_on_page_move": post_page_move,
}


def only_for_pages_once_live(receiver):
    @wraps(receiver)
    def wrapper(*args, instance, **kwargs):
        if instance.first_published_at is None:
            return None
        return receiver(*args, instance=instance, **kwargs)

    wrapper.wraps_wagtail_receiver = True
    return wrapper


def replace_wagtail_receivers() -> None:
    """Swap Wagtail's receivers for the wrapped ones, whichever app is ready first.

    If the redirects app is not ready yet, it will import the wrapped
    functions from its module; if it is, its receivers are disconnected and
    the wrapped ones connected in their place.
    """
    from wagtail.contrib.redirects import signal_handlers

    for name, signal in _RECEIVERS.items():
        receiver = getattr(signal_handlers, name)
        if getattr(receiver, "wraps_wagtail_receiver", False):
            continue
        wrapper = only_for_pages_once_live(receiver)
        setattr(signal_handlers, name, wrapper)
        if signal.disconnect(receiver):
            signal.connect(wrapper)
