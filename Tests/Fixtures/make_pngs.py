#!/usr/bin/env python3
"""Writes the tiny PNG fixtures of the PDF engine tests (Tests/Fixtures/png/), one per PNG colour
type and bit depth the renderer must handle. Pure standard library (zlib, struct), so anyone can
re-create them: `python3 Tests/Fixtures/make_pngs.py`. Output is deterministic (fixed zlib level,
no timestamps)."""

import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "png")
W = H = 8


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(name, color_type, bit_depth, rows, extra=()):
    """rows: list of bytes, one per scanline, without the filter byte."""
    ihdr = struct.pack(">IIBBBBB", W, H, bit_depth, color_type, 0, 0, 0)
    raw = b"".join(b"\x00" + r for r in rows)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
    for kind, payload in extra:
        data += chunk(kind, payload)
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    # Colour type 0, grey 8-bit: mid grey 128 everywhere.
    png("gray8.png", 0, 8, [bytes([128] * W)] * H)
    # Colour type 4, grey + alpha 8-bit: black, alpha ramping left to right.
    png("gray_alpha8.png", 4, 8, [b"".join(bytes([0, x * 32]) for x in range(W))] * H)
    # Colour type 2, RGB 8-bit: opaque pure red.
    png("rgb8.png", 2, 8, [bytes([255, 0, 0] * W)] * H)
    # Colour type 6, RGBA 8-bit: blue, top half opaque, bottom half transparent.
    png("rgba8.png", 6, 8, [bytes([0, 0, 255, 255 if y < H // 2 else 0] * W) for y in range(H)])
    # Colour type 6 with every pixel opaque: needs no soft mask.
    png("rgba8_opaque.png", 6, 8, [bytes([0, 160, 0, 255] * W)] * H)
    # Colour type 3, palette with tRNS: index 0 green opaque, index 1 transparent; checkerboard.
    palette = bytes([0, 200, 0, 255, 255, 255])
    png("palette_trns.png", 3, 8, [bytes([(x + y) % 2 for x in range(W)]) for y in range(H)],
        extra=[(b"PLTE", palette), (b"tRNS", bytes([255, 0]))])
    # Colour type 2, RGB 16-bit: mid grey 0x8080 in each channel (128 in 8 bits).
    png("rgb16.png", 2, 16, [struct.pack(">HHH", 0x8080, 0x8080, 0x8080) * W] * H)
    # Colour type 0, grey 16-bit: 0x4040 (64 in 8 bits).
    png("gray16.png", 0, 16, [struct.pack(">H", 0x4040) * W] * H)
    # Colour type 0, grey 1-bit (QR codes, scans): left half black, right half white.
    png("gray1.png", 0, 1, [bytes([0b00001111])] * H)
    # Colour type 3, 4-bit palette without tRNS: every pixel index 2, orange (255, 128, 0).
    png("palette4.png", 3, 4, [bytes([0x22] * (W // 2))] * H,
        extra=[(b"PLTE", bytes([0, 0, 0, 255, 255, 255, 255, 128, 0]))])
    # Colour type 6, RGBA 16-bit: red, left half opaque, right half transparent.
    png("rgba16.png", 6, 16,
        [b"".join(struct.pack(">HHHH", 0xFFFF, 0, 0, 0xFFFF if x < W // 2 else 0) for x in range(W))] * H)


if __name__ == "__main__":
    main()
