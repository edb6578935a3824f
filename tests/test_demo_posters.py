"""The demo's video posters hold a title only: no play button or length drawn in.

Pages add their own play button and length, and a player's controls cover
the bottom of the frame, so the title sits at the top.
"""

from io import BytesIO

from PIL import Image

from home.demo.video_media import render_poster


def _white_pixels(picture: Image.Image, box: tuple[int, int, int, int]) -> int:
    region = picture.crop(box).convert("L")
    return sum(1 for value in region.getdata() if value > 245)


def test_a_poster_has_its_title_at_the_top_and_no_player_drawn_in():
    picture = Image.open(BytesIO(render_poster("Thôn kiểu mẫu", number=3)))
    width, height = picture.size
    assert (width, height) == (1600, 900)
    # Where a play button would be, and where the controls are: no white.
    centre = (width // 2 - 150, height // 2 - 150, width // 2 + 150, height // 2 + 150)
    assert _white_pixels(picture, centre) == 0
    assert _white_pixels(picture, (0, height - 160, width, height)) == 0
    # The title is written in white in the top band.
    assert _white_pixels(picture, (0, 0, width, 230)) > 1000
