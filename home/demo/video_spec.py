"""The shape of a demo video story, and the texts around the video index."""

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from campaigns.slugs import ascii_slug
from home.demo.content import ImageSpec, short_slug
from home.demo.spec import PUBLIC

#: Video and WebVTT files shipped with the code; the seed copies them, never makes them.
FILES_DIR = Path(__file__).resolve().parent / "files"

VIDEO_INDEX_TITLE = "Phóng sự video"
VIDEO_INDEX_SLUG = ascii_slug(VIDEO_INDEX_TITLE)
VIDEO_INDEX_INTRO = (
    "<p>Phóng sự ngắn về <b>xây dựng nông thôn mới</b>, thôn kiểu mẫu, du lịch "
    "cộng đồng và phong trào thi đua trong tỉnh. Mỗi video có phụ đề hoặc bản "
    "ghi lời để ai cũng theo dõi được.</p>"
)

#: Collection of the public stories' videos, posters and caption files.
VIDEO_COLLECTION = "Phóng sự video"
#: Password-restricted collection for the assets of private and draft stories.
PRIVATE_VIDEO_COLLECTION = "Phóng sự video – nội bộ"

#: The made-up YouTube address of the one story without an upload.
VIDEO_EMBED_URL = "https://www.youtube.com/watch?v=PSnongthonmoi"
#: Cached oEmbed answers by address, stored so that no page ever asks YouTube.
VIDEO_EMBEDS = {
    VIDEO_EMBED_URL: {
        "title": "Phát triển kinh tế hộ, nền móng của nông thôn mới (video demo)",
        "video_id": "PSnongthonmoi",
        "width": 560,
        "height": 315,
    },
}


@dataclass(frozen=True)
class ClipSpec:
    """A video file in :data:`FILES_DIR`, with what ffprobe reports for it."""

    file_name: str
    seconds: float
    width: int = 480
    height: int = 270
    #: A Vietnamese WebVTT caption file in :data:`FILES_DIR`, if the clip has one.
    captions: str = ""


@dataclass(frozen=True)
class VideoStorySpec:
    """One video story: an uploaded ``clip`` or an external ``video_url``.

    ``status`` is public, private (password) or draft; ``campaign`` is the key
    of the related demo campaign; ``transcript`` holds plain paragraphs.
    """

    key: str
    title: str
    date: date
    lead: str
    transcript: tuple[str, ...]
    body: tuple
    tags: tuple[str, ...]
    clip: ClipSpec | None = None
    video_url: str = ""
    #: Length of an external video; an upload's comes from its clip.
    external_duration: timedelta | None = None
    campaign: str = ""
    status: str = PUBLIC

    @property
    def slug(self) -> str:
        return short_slug(self.title)

    @property
    def duration(self) -> timedelta | None:
        if self.clip is not None:
            return timedelta(seconds=self.clip.seconds)
        return self.external_duration

    @property
    def transcript_html(self) -> str:
        return "".join(f"<p>{paragraph}</p>" for paragraph in self.transcript)

    @property
    def poster(self) -> ImageSpec:
        """The poster, drawn at seed time; its description is the alt text."""
        return ImageSpec(
            f"poster-{self.key}",
            f"Ảnh bìa video: {self.title}",
            f"Ảnh bìa phóng sự “{self.title}”: tranh minh họa đồi núi, "
            "nút phát video ở giữa.",
        )

    @property
    def media_title(self) -> str:
        """Title of the uploaded video in the media library (its identity)."""
        return f"Video: {self.title}"

    @property
    def captions_title(self) -> str:
        """Title of the caption document in the document library (its identity)."""
        return f"Phụ đề tiếng Việt – {self.title}"
