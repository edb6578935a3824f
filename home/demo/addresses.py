"""Where each demo site is served, given to ``seed_demo`` as a URL per site.

Wagtail builds every absolute link of a site from its Site record (host name
and port), so the record must name the address readers actually use. The seed
sets it only when told: an address chosen in the admin survives a re-seed.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from wagtail.models import Site

_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class SiteAddress:
    hostname: str
    port: int

    @classmethod
    def parse(cls, url: str) -> "SiteAddress":
        """``http://host[:port]``, or ``https://host`` (Wagtail's https is port 443).

        Raises ``ValueError`` with a reader's message for anything else.
        """
        parts = urlsplit(url.strip())
        if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
            raise ValueError(f"{url!r} is not an http:// or https:// address")
        if parts.path not in ("", "/") or parts.query or parts.fragment:
            raise ValueError(f"{url!r} has a path: give the site's root address")
        try:
            port = parts.port or _DEFAULT_PORTS[parts.scheme]
        except ValueError as error:
            raise ValueError(f"{url!r} has an invalid port") from error
        if parts.scheme == "https" and port != 443:
            raise ValueError(
                f"{url!r}: Wagtail builds https:// links for port 443 only"
            )
        return cls(hostname=parts.hostname, port=port)

    def apply(self, site: Site) -> None:
        """Point ``site`` at this address; another site already there is an error."""
        if (site.hostname, site.port) == (self.hostname, self.port):
            return
        site.hostname, site.port = self.hostname, self.port
        try:
            site.full_clean()
        except ValidationError as error:
            raise ValueError(
                f"{self.hostname}:{self.port} is already another site's address"
            ) from error
        site.save(update_fields=["hostname", "port"])
