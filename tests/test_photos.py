"""Photos: what check accepts (builder.check.photos), and the copy the site publishes
without the camera's metadata (builder.site.photos). Every picture is made here, with Pillow."""

from __future__ import annotations

import io
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageChops, ImageCms, ImageStat, PngImagePlugin

from builder.check.report import format_problems
from builder.check.validate import check_files
from builder.load.vocab import load_vocabulary
from builder.paths import ROOT
from builder.site.photos import publish_photo

VALID = ROOT / "tests" / "fixtures" / "providers" / "valid"
CARTREF = (VALID / "cartref-care.yml").read_text(encoding="utf-8")
TODAY = date(2026, 11, 22)
LATITUDE = (53.0, 10.0, 12.5)  # near Mold: a carer's home, say
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="53,10.2N"/></rdf:RDF></x:xmpmeta>'
)


def picture(width: int = 160, height: int = 120, mode: str = "RGB") -> Image.Image:
    """A picture with detail in it: a gradient in every channel."""
    image = Image.linear_gradient("L").resize((width, height))
    bands = (image, image.transpose(Image.Transpose.FLIP_LEFT_RIGHT), image.rotate(90))
    rgb = Image.merge("RGB", bands)
    return rgb.convert(mode) if mode != "RGB" else rgb


def camera_exif(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = LATITUDE
    return exif.tobytes()


def saved(image: Image.Image, kind: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


# -- check ------------------------------------------------------------------------


def check_photo(tmp_path: Path, name: str, content: bytes | None = None) -> str:
    """check's message about ``photo.file: name``, with ``content`` in providers/photos/name."""
    folder = tmp_path / "providers"
    (folder / "photos").mkdir(parents=True, exist_ok=True)
    if content is not None:
        (folder / "photos" / name).write_bytes(content)
    profile = folder / "cartref-care.yml"
    profile.write_text(CARTREF.replace("file: cartref-care.png", f"file: {name}"), "utf-8")
    result = check_files([profile], root=tmp_path, today=TODAY, vocab=load_vocabulary())
    return (
        format_problems(result.problems)
        .removeprefix("providers/cartref-care.yml:50:9: [error] ")
        .removesuffix(" (photo.file)")
    )


@pytest.mark.parametrize(
    ("name", "kind", "options"),
    [
        ("a.png", "PNG", {}),
        ("a.jpg", "JPEG", {"exif": camera_exif()}),
        ("a.jpeg", "JPEG", {}),
        ("a.webp", "WEBP", {"exif": camera_exif()}),
    ],
)
def test_png_jpeg_and_webp_pictures_are_accepted(
    tmp_path: Path, name: str, kind: str, options: dict[str, object]
) -> None:
    assert check_photo(tmp_path, name, saved(picture(), kind, **options)) == ""


def test_an_svg_is_refused_even_a_harmless_one(tmp_path: Path) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert check_photo(tmp_path, "logo.svg", svg) == (
        "'logo.svg' is an SVG drawing, which can carry a program; "
        "save it as a .png picture and use that instead"
    )


def test_a_picture_is_recognised_by_its_content_not_its_name(tmp_path: Path) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert check_photo(tmp_path, "logo.png", svg) == (
        "'logo.png' is not a PNG, JPEG or WebP picture, whatever its name says; "
        "open it and save it again as one"
    )
    assert check_photo(tmp_path, "photo.png", saved(picture(), "JPEG")) == (
        "'photo.png' is a JPEG picture, but its name ends in '.png'; rename it to end in '.jpg'"
    )
    assert check_photo(tmp_path, "fake.jpg", b"\xff\xd8\xff" + b"\0" * 100) == (
        "'fake.jpg' cannot be read as a picture; it may be damaged, so save it again"
    )


def test_a_cut_off_picture_is_refused(tmp_path: Path) -> None:
    whole = saved(picture(), "PNG")
    assert check_photo(tmp_path, "cut.png", whole[: len(whole) // 2]) == (
        "'cut.png' cannot be read as a picture; it may be damaged, so save it again"
    )


def test_a_symbolic_link_is_refused_even_to_a_real_picture(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.png"
    outside.write_bytes(saved(picture(), "PNG"))
    (tmp_path / "providers" / "photos").mkdir(parents=True)
    (tmp_path / "providers" / "photos" / "link.png").symlink_to(outside)
    (tmp_path / "providers" / "photos" / "secret.png").symlink_to("/etc/passwd")
    for name in ("link.png", "secret.png"):
        assert check_photo(tmp_path, name) == (
            f"'{name}' in providers/photos/ is a link to another file; "
            "put the picture itself in the folder"
        )


def test_a_photos_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.png").write_bytes(saved(picture(), "PNG"))
    (tmp_path / "providers").mkdir()
    (tmp_path / "providers" / "photos").symlink_to(elsewhere)
    assert check_photo(tmp_path, "a.png") == (
        "providers/photos/ is a link to another folder; it must be a real folder"
    )


def test_folders_and_pipes_are_not_pictures(tmp_path: Path) -> None:
    (tmp_path / "providers" / "photos" / "folder.png").mkdir(parents=True)
    os.mkfifo(tmp_path / "providers" / "photos" / "pipe.png")
    for name in ("folder.png", "pipe.png"):
        assert check_photo(tmp_path, name) == (
            f"'{name}' in providers/photos/ is not a file; put the picture itself in the folder"
        )


@pytest.mark.parametrize(
    "value",
    ["../cartref-care.yml", "photos/a.png", "/etc/passwd", "..\\a.png", ".."],
)
def test_a_photo_is_only_a_name_in_the_photos_folder(tmp_path: Path, value: str) -> None:
    message = check_photo(tmp_path, f'"{value}"'.replace("\\", "\\\\"))
    assert message.startswith("\"file\" should be just the picture's name, like '")


def test_a_photo_name_is_simple(tmp_path: Path) -> None:
    assert check_photo(tmp_path, '"Bryn Care (2).JPG"') == (
        "the picture's name 'Bryn Care (2).JPG' should have only small letters, numbers and "
        "hyphens, like 'bryn-care-2.jpg'; rename the picture too"
    )


def test_a_photo_larger_than_2_mb_is_refused_without_being_read(tmp_path: Path) -> None:
    folder = tmp_path / "providers" / "photos"
    folder.mkdir(parents=True)
    with (folder / "huge.png").open("wb") as f:
        f.truncate(50_000_000)
    assert check_photo(tmp_path, "huge.png") == (
        "'huge.png' is 50 MB, more than the limit of 2 MB; save a smaller copy of it"
    )


@pytest.mark.parametrize(("width", "height"), [(40, 300), (6001, 100)])
def test_a_photo_must_have_a_sensible_size(tmp_path: Path, width: int, height: int) -> None:
    tiny = Image.new("L", (width, height))  # one colour: small files of any size
    assert check_photo(tmp_path, "odd.png", saved(tiny, "PNG", optimize=True)) == (
        f"'odd.png' is {width} by {height} pixels; a photo must be from 64 to 6000 pixels "
        "wide and high, so save a copy of that size"
    )


def test_a_moving_picture_is_refused(tmp_path: Path) -> None:
    frames = [picture(), picture().rotate(180)]
    animated = saved(frames[0], "PNG", save_all=True, append_images=frames[1:])
    assert check_photo(tmp_path, "moving.png", animated) == (
        "'moving.png' is a moving picture; use a still picture"
    )


# -- the published copy ---------------------------------------------------------------


def assert_no_metadata(data: bytes) -> None:
    for trace in (b"Exif", b"GPS", b"Phone", b"xmpmeta", b"ns.adobe.com", b"ICC_PROFILE"):
        assert trace not in data, trace
    for chunk in (b"eXIf", b"iCCP", b"tEXt", b"iTXt", b"zTXt", b"tIME"):
        assert chunk not in data, chunk
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()
        assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(image.info)


def difference(one: Image.Image, other: Image.Image) -> float:
    """The mean difference of two pictures' pixels, from 0 to 255."""
    diff = ImageChops.difference(one.convert("RGB"), other.convert("RGB"))
    return sum(ImageStat.Stat(diff).mean) / 3


def test_a_phone_photo_is_published_without_its_gps_position(tmp_path: Path) -> None:
    src = tmp_path / "photo.jpg"
    src.write_bytes(
        saved(picture(), "JPEG", exif=camera_exif(), icc_profile=ICC, xmp=XMP, comment=b"home")
    )
    with Image.open(src) as original:  # the test's own photo has all of it
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)[2] == LATITUDE
        assert {"exif", "xmp", "icc_profile", "comment"} <= set(original.info)
    published = publish_photo(src)
    assert_no_metadata(published)
    with Image.open(src) as original, Image.open(io.BytesIO(published)) as copy:
        assert copy.format == "JPEG"
        assert copy.size == original.size
        assert difference(original, copy) < 3


def test_the_camera_orientation_is_applied_before_it_is_dropped(tmp_path: Path) -> None:
    src = tmp_path / "sideways.jpg"
    src.write_bytes(saved(picture(), "JPEG", exif=camera_exif(orientation=6)))
    with Image.open(io.BytesIO(publish_photo(src))) as copy:
        assert copy.size == (120, 160)  # turned a quarter, as the phone showed it
        assert difference(picture().transpose(Image.Transpose.ROTATE_270), copy) < 3


def test_png_text_and_colour_profile_are_dropped_and_transparency_kept(tmp_path: Path) -> None:
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "taken at home")
    text.add_itxt("XML:com.adobe.xmp", XMP.decode())
    src = tmp_path / "logo.png"
    src.write_bytes(
        saved(picture(mode="RGBA"), "PNG", pnginfo=text, icc_profile=ICC, exif=camera_exif())
    )
    published = publish_photo(src)
    assert_no_metadata(published)
    assert b"taken at home" not in published
    with Image.open(src) as original, Image.open(io.BytesIO(published)) as copy:
        assert (copy.format, copy.mode) == ("PNG", "RGBA")
        assert ImageChops.difference(original, copy).getbbox() is None  # lossless


def test_webp_metadata_is_dropped(tmp_path: Path) -> None:
    src = tmp_path / "photo.webp"
    src.write_bytes(saved(picture(), "WEBP", exif=camera_exif(), icc_profile=ICC, xmp=XMP))
    published = publish_photo(src)
    assert_no_metadata(published)
    with Image.open(src) as original, Image.open(io.BytesIO(published)) as copy:
        assert copy.format == "WEBP"
        assert difference(original, copy) < 4


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "WEBP"])
def test_the_same_photo_always_gives_the_same_bytes(tmp_path: Path, kind: str) -> None:
    src = tmp_path / f"photo.{kind.lower()}"
    src.write_bytes(saved(picture(), kind, exif=camera_exif()))
    copy = tmp_path / "copy"
    shutil.copy(src, copy)
    assert publish_photo(src) == publish_photo(src) == publish_photo(copy)


def test_the_sample_photos_are_accepted_and_publishable() -> None:
    for photo in sorted((ROOT / "providers" / "photos").iterdir()):
        assert photo.suffix in (".png", ".jpg", ".webp"), photo
        assert_no_metadata(publish_photo(photo))
