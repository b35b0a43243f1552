"""The rule for a profile's photo: a real, modest PNG, JPEG or WebP picture in providers/photos/.

A photo is published as it is found, so it is checked as untrusted input:
only a regular file directly inside the photos folder (never a symbolic
link, which could point at any file on the machine that builds the site);
recognised by its content, not its name; small enough to download on a
phone; and readable as a picture. SVG is refused: it is a program as much
as a picture, and can carry a script. The site publishes a re-encoded copy
without the camera's metadata (``builder.site.photos``).
"""

from __future__ import annotations

import errno
import io
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from PIL import Image

from builder.check.profile import Found, Profile, Rule
from builder.i18n import N_

FILE = ("photo", "file")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.(?:png|jpg|jpeg|webp)")
#: What each format's file starts with, and the names its file may end in.
_FORMATS = {
    "PNG": (re.compile(rb"\x89PNG\r\n\x1a\n"), (".png",)),
    "JPEG": (re.compile(rb"\xff\xd8\xff"), (".jpg", ".jpeg")),
    "WEBP": (re.compile(rb"RIFF....WEBP", re.DOTALL), (".webp",)),
}


def _photo(p: Profile) -> Iterator[Found]:
    value = p.get(FILE)
    if not isinstance(value, str):
        return
    name = PurePosixPath(value.replace("\\", "/")).name
    extension = PurePosixPath(name).suffix.casefold()
    if name != value or value in (".", ".."):
        yield p.report(FILE, _FOLDER, suggestion=name or "bryn-care.jpg")
    elif extension == ".svg":
        yield p.report(FILE, _SVG, value=value)
    elif not any(extension in names for _, names in _FORMATS.values()):
        yield p.report(FILE, _TYPE, value=value)
    elif not _NAME.fullmatch(value):
        stem = re.sub(r"[^a-z0-9]+", "-", PurePosixPath(value).stem.casefold()).strip("-")
        yield p.report(FILE, _NAME_MESSAGE, value=value, suggestion=f"{stem or 'photo'}{extension}")
    else:
        folder = (PurePosixPath(p.display).parent / "photos").as_posix()
        limits = p.vocab.settings.get("limits", {})
        problem = read_photo(p.path.parent / "photos", value, limits)
        if problem:
            message, args = problem
            yield p.report(FILE, message, value=value, folder=folder, **args)


def read_photo(
    folder: Path, name: str, limits: dict[str, Any]
) -> tuple[str, dict[str, Any]] | None:
    """What is wrong with the photo ``name`` in ``folder``: a message and its arguments.

    ``limits`` is the ``limits:`` section of data/directory.yml. The file is
    opened without following a symbolic link, so what is checked is what the
    build will read.
    """
    max_bytes = int(limits.get("photo_bytes", 2_000_000))
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return _FOLDER_LINK, {}
        descriptor = os.open(folder / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return _MISSING, {}
    except OSError as error:
        return (_LINK, {}) if error.errno == errno.ELOOP else (_UNREADABLE, {})
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            return _NOT_A_FILE, {}
        if info.st_size > max_bytes:
            return _TOO_BIG, {"size": _megabytes(info.st_size), "limit": _megabytes(max_bytes)}
        data = os.read(descriptor, max_bytes + 1)
    finally:
        os.close(descriptor)
    return _picture(name, data, limits)


def _picture(name: str, data: bytes, limits: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    kind = next((kind for kind, (magic, _) in _FORMATS.items() if magic.match(data)), None)
    if kind is None:
        return _NOT_A_PICTURE, {}
    extensions = _FORMATS[kind][1]
    extension = PurePosixPath(name).suffix.casefold()
    if extension not in extensions:
        label = "WebP" if kind == "WEBP" else kind
        return _WRONG_NAME, {"kind": label, "extension": extension, "suggested": extensions[0]}
    low, high = int(limits.get("photo_min_pixels", 64)), int(limits.get("photo_max_pixels", 6000))
    try:
        with Image.open(io.BytesIO(data), formats=[kind]) as image:
            width, height = image.size
            if not (low <= width <= high and low <= height <= high):
                return _PIXELS, {"width": width, "height": height, "low": low, "high": high}
            if getattr(image, "n_frames", 1) > 1:
                return _MOVING, {}
            if kind == "JPEG":  # an eighth of the size decodes the whole file, eight times faster
                image.draft("RGB", (width // 8, height // 8))
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return _DAMAGED, {}
    return None


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".removesuffix(".0")


#: Registered in ``rules.RULES``.
PHOTO_RULES: tuple[Rule, ...] = (_photo,)

_FOLDER = N_("\"file\" should be just the picture's name, like '{suggestion}', no folder")
_SVG = N_(
    "'{value}' is an SVG drawing, which can carry a program; "
    "save it as a .png picture and use that instead"
)
_TYPE = N_("'{value}' is not a picture we can show; use a .jpg, .png or .webp file")
_NAME_MESSAGE = N_(
    "the picture's name '{value}' should have only small letters, numbers and hyphens, "
    "like '{suggestion}'; rename the picture too"
)
_MISSING = N_("there is no picture called '{value}' in {folder}/; add it or fix the name")
_FOLDER_LINK = N_("{folder}/ is a link to another folder; it must be a real folder")
_LINK = N_("'{value}' in {folder}/ is a link to another file; put the picture itself in the folder")
_NOT_A_FILE = N_("'{value}' in {folder}/ is not a file; put the picture itself in the folder")
_UNREADABLE = N_("'{value}' in {folder}/ cannot be read; try copying it again")
_TOO_BIG = N_(
    "'{value}' is {size} MB, more than the limit of {limit} MB; save a smaller copy of it"
)
_NOT_A_PICTURE = N_(
    "'{value}' is not a PNG, JPEG or WebP picture, whatever its name says; "
    "open it and save it again as one"
)
_WRONG_NAME = N_(
    "'{value}' is a {kind} picture, but its name ends in '{extension}'; "
    "rename it to end in '{suggested}'"
)
_PIXELS = N_(
    "'{value}' is {width} by {height} pixels; a photo must be from {low} to {high} pixels "
    "wide and high, so save a copy of that size"
)
_MOVING = N_("'{value}' is a moving picture; use a still picture")
_DAMAGED = N_("'{value}' cannot be read as a picture; it may be damaged, so save it again")
