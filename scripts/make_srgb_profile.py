"""Writes resources/color/sRGB-v2.icc: the sRGB output intent of the PDF/A memos.

PDF/A needs an ICC profile for the colours of the page, and neither reportlab nor any
other installed package ships one. LittleCMS (through Pillow) makes sRGB profiles, but
only as ICC version 4, and PDF/A-2 readers are surest of version 2. So this writes the
smallest valid version 2 display profile of sRGB: a description, a copyright, the media
white point (D65, as IEC 61966-2.1 and the usual v2 sRGB profiles have it), the three
colorants as LittleCMS adapts them to D50, and the sRGB tone curve sampled at 1024 points.
The result is checked by ``tests/test_pdf_tagged.py`` (LittleCMS opens it and converts
colours through it as through its own sRGB).

    .venv/bin/python scripts/make_srgb_profile.py
"""

from __future__ import annotations

import struct
from pathlib import Path

from PIL import ImageCms

TARGET = Path(__file__).resolve().parent.parent / "resources" / "color" / "sRGB-v2.icc"
DESCRIPTION = "sRGB IEC61966-2.1"
COPYRIGHT = "No copyright, use freely"
D65 = (0.9505, 1.0, 1.089)  # media white point of an sRGB display
D50 = (0.9642, 1.0, 0.8249)  # the profile connection space illuminant
CURVE_POINTS = 1024
DATE = (2026, 1, 1, 0, 0, 0)  # fixed, so the file is the same each time it is made


def s15fixed16(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def xyz_type(xyz: tuple[float, float, float]) -> bytes:
    return b"XYZ \0\0\0\0" + b"".join(s15fixed16(v) for v in xyz)


def text_description_type(text: str) -> bytes:
    """ICC v2 ``textDescriptionType``: ASCII, then empty Unicode and ScriptCode parts."""
    ascii_text = text.encode("ascii") + b"\0"
    return (b"desc\0\0\0\0" + struct.pack(">I", len(ascii_text)) + ascii_text
            + struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + b"\0" * 67)  # fmt: skip


def text_type(text: str) -> bytes:
    return b"text\0\0\0\0" + text.encode("ascii") + b"\0"


def srgb_curve() -> bytes:
    """``curveType`` with the IEC 61966-2.1 transfer function, 16-bit samples."""

    def linear(x: float) -> float:
        return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4

    samples = [round(linear(i / (CURVE_POINTS - 1)) * 65535) for i in range(CURVE_POINTS)]
    return b"curv\0\0\0\0" + struct.pack(f">I{CURVE_POINTS}H", CURVE_POINTS, *samples)


def colorants() -> dict[bytes, tuple[float, float, float]]:
    """rXYZ, gXYZ and bXYZ of LittleCMS's sRGB profile (D50-adapted with Bradford)."""
    data = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    count = struct.unpack(">I", data[128:132])[0]
    found = {}
    for index in range(count):
        signature, offset, _ = struct.unpack(">4sII", data[132 + 12 * index:144 + 12 * index])
        if signature in (b"rXYZ", b"gXYZ", b"bXYZ"):
            found[signature] = tuple(v / 65536 for v in
                                     struct.unpack(">3i", data[offset + 8:offset + 20]))
    return found


def srgb_profile() -> bytes:
    """The whole profile as bytes."""
    curve = srgb_curve()
    tags = [
        (b"desc", text_description_type(DESCRIPTION)),
        (b"cprt", text_type(COPYRIGHT)),
        (b"wtpt", xyz_type(D65)),
        *((name, xyz_type(xyz)) for name, xyz in colorants().items()),
        (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve),
    ]
    table_end = 128 + 4 + 12 * len(tags)
    entries, blobs, offsets = [], [], {}
    offset = table_end
    for name, data in tags:
        if data not in offsets:  # the three tone curves share one copy
            offsets[data] = offset
            padded = data + b"\0" * (-len(data) % 4)
            blobs.append(padded)
            offset += len(padded)
        entries.append(struct.pack(">4sII", name, offsets[data], len(data)))
    size = offset
    header = (
        struct.pack(">I", size) + b"\0\0\0\0" + bytes([2, 0x10, 0, 0]) + b"mntr" + b"RGB "
        + b"XYZ " + struct.pack(">6H", *DATE) + b"acsp" + b"\0" * 4 + b"\0" * 4
        + b"\0" * 4 + b"\0" * 4 + b"\0" * 8 + struct.pack(">I", 0)
        + b"".join(s15fixed16(v) for v in D50) + b"\0" * 4 + b"\0" * 16 + b"\0" * 28
    )  # fmt: skip
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + b"".join(entries) + b"".join(blobs)


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(srgb_profile())
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
