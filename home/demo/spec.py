"""The shape of a demo campaign announcement."""

from dataclasses import dataclass
from datetime import date

from home.demo.content import PDF_DISCLAIMER, DocumentSpec, ImageSpec, short_slug

PUBLIC, PRIVATE, DRAFT = "public", "private", "draft"
#: Issuing bodies most demo campaigns share.
UBND = "Ủy ban nhân dân tỉnh Lào Cai"
LDLD = "Liên đoàn Lao động tỉnh Lào Cai"


@dataclass(frozen=True)
class CampaignSpec:
    """One campaign page; ``status`` is public, private (password) or draft."""

    key: str
    title: str
    date: date
    lead: str
    slogan: str
    period: tuple[date, date]
    issuing_bodies: tuple[str, ...]
    dispatch_number: str
    tags: tuple[str, ...]
    hero: ImageSpec
    hero_caption: str
    body: tuple
    status: str = PUBLIC

    @property
    def slug(self) -> str:
        return short_slug(self.title)

    @property
    def dispatch(self) -> DocumentSpec:
        """The official dispatch as a one-page PDF."""
        number = self.dispatch_number[0].lower() + self.dispatch_number[1:]
        day = self.date
        return DocumentSpec(
            f"{self.key}-cong-van",
            f"Công văn {number} – {self.title}",
            (
                *(body.upper() for body in self.issuing_bodies),
                self.dispatch_number,
                f"Lào Cai, ngày {day:%d} tháng {day:%m} năm {day:%Y}",
                f"V/v: {self.title}",
                self.lead,
                PDF_DISCLAIMER,
            ),
        )
