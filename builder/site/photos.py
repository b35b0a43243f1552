"""The copy of a provider's photo that the site publishes: the pixels, and nothing else.

A photo from a phone carries metadata: EXIF (the camera, the time and often
the GPS position where it was taken, which for a sole trader can be their
home), XMP, an ICC colour profile, text chunks and comments. The site
publishes a copy re-encoded from the pixels alone, so none of it can leak.
``check`` (``builder.check.photos``) has already made sure that the file is
a real PNG, JPEG or WebP picture of a sensible size.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

FORMATS = ("PNG", "JPEG", "WEBP")
# Settings fixed here, so that the same photo always gives the same bytes.
_SAVE_OPTIONS: dict[str, dict[str, Any]] = {
    "PNG": {"optimize": True},
    "JPEG": {"quality": 88, "optimize": True, "progressive": False, "subsampling": "4:2:0"},
    "WEBP": {"quality": 88, "method": 6},
}


def publish_photo(src: Path) -> bytes:
    """The photo at ``src`` re-encoded in its own format, with every piece of metadata removed.

    The camera's orientation is applied to the pixels first, so the picture
    stays the right way up once the tag that said how to turn it is gone.
    Deterministic: the same file always gives the same bytes.
    """
    with Image.open(src, formats=FORMATS) as image:
        kind = str(image.format)
        upright = ImageOps.exif_transpose(image)
        see_through = "A" in upright.getbands() or "transparency" in upright.info
        mode = "RGBA" if see_through and kind != "JPEG" else "RGB"
        pixels = upright.convert(mode)
    # A new image made from the pixels alone has no metadata to carry over.
    clean = Image.frombytes(mode, pixels.size, pixels.tobytes())
    out = io.BytesIO()
    clean.save(out, kind, **_SAVE_OPTIONS[kind])
    return out.getvalue()
