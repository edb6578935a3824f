"""Which demo campaigns exist, and the slugs tests and benchmarks look for."""

from home.demo.announcements_2022 import CAMPAIGNS_2022, REFERENCE
from home.demo.announcements_2023_2026 import (
    CAMPAIGNS_2023_2026,
    DRAFT_2026,
    INTERNAL_2025,
    MODEL_WORKER_2026,
)
from home.demo.spec import PUBLIC

#: Every demo campaign, oldest first.
CAMPAIGNS = (*CAMPAIGNS_2022, *CAMPAIGNS_2023_2026)
#: Campaigns pinned on the campaign index (featured on the home page), in order.
PINNED = (REFERENCE, MODEL_WORKER_2026)

#: The benchmarks' reference page (2022 "Lao động giỏi, Lao động sáng tạo").
REFERENCE_SLUG = REFERENCE.slug
#: A campaign page that was never published (one saved revision).
DRAFT_SLUG = DRAFT_2026.slug
#: A published campaign page behind a password view restriction.
PRIVATE_SLUG = INTERNAL_2025.slug
#: Live, unrestricted campaign pages, oldest first.
PUBLIC_SLUGS = tuple(spec.slug for spec in CAMPAIGNS if spec.status == PUBLIC)
PINNED_SLUGS = tuple(spec.slug for spec in PINNED)
