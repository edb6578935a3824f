"""``{% public_cache %}``: cache a fragment of a public page until content changes.

::

    {% load campaigns_cache %}
    {% public_cache "campaign-article" page.pk %}...{% endpublic_cache %}

The key holds the fragment name, the given values, the active language, the
host and the content generation of the request's site
(:mod:`campaigns.generation`), so publishing or unpublishing anything on a
site invalidates every fragment of that site at once, and no other site's.
Previews are never cached (their content is a draft), a cache outage renders
the fragment uncached instead of failing the page, and without a shared cache
(Redis) nothing is cached (see :func:`campaigns.conf.fragment_cache_seconds`).
"""

import logging

from django import template
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils.translation import get_language

from campaigns import conf, sites
from campaigns.generation import content_generation

logger = logging.getLogger(__name__)
register = template.Library()


class PublicCacheNode(template.Node):
    def __init__(self, nodelist, fragment_name: str, vary_on: list):
        self.nodelist = nodelist
        self.fragment_name = fragment_name
        self.vary_on = vary_on

    def render(self, context) -> str:
        request = context.get("request")
        seconds = conf.fragment_cache_seconds()
        if not seconds or request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        generation = content_generation(sites.site_id_for_request(request))
        if not generation:
            return self.nodelist.render(context)
        values = [
            get_language(),
            request.get_host(),
            generation,
            *(value.resolve(context) for value in self.vary_on),
        ]
        key = make_template_fragment_key(self.fragment_name, values)
        try:
            fragment = cache.get(key)
        except Exception:  # a cache outage must not break the page.
            logger.warning("Cache unreachable: fragment rendered", exc_info=True)
            return self.nodelist.render(context)
        if fragment is None:
            fragment = self.nodelist.render(context)
            try:
                cache.set(key, fragment, seconds)
            except Exception:  # As above.
                logger.warning("Cache unreachable: fragment not stored", exc_info=True)
        return fragment


@register.tag("public_cache")
def do_public_cache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes a fragment name and optional values to vary on."
        )
    nodelist = parser.parse(("endpublic_cache",))
    parser.delete_first_token()
    fragment_name = bits[1].strip("\"'")
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    return PublicCacheNode(nodelist, fragment_name, vary_on)
