#!/usr/bin/env python3
"""Draws Layouts/assets/logo.png: the emblem of a fictitious « Caisse primaire
d'assurance maladie » (a rounded blue square, a white cross, a teal wave).
Pure Python (zlib + struct), 4x4 supersampling for smooth edges; deterministic."""
import os
import struct
import zlib

# The emblem is designed on a 240-unit square and drawn at SIZE pixels: 120 px for 36 pt on the page
# is 240 dpi, sharp in print, and half the bytes of 240 px in every document that carries it.
DESIGN = 240
SIZE = 120
SCALE = DESIGN / SIZE
BLUE = (0x1F, 0x3A, 0x5F)
TEAL = (0x3F, 0xA7, 0xB5)
WHITE = (0xFF, 0xFF, 0xFF)


def inside_rounded_square(x, y, margin=6, radius=44):
    lo, hi = margin, DESIGN - margin
    if not (lo <= x <= hi and lo <= y <= hi):
        return False
    cx = min(max(x, lo + radius), hi - radius)
    cy = min(max(y, lo + radius), hi - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def inside_cross(x, y):
    c, arm, half = DESIGN / 2, 62, 17
    cy = c - 18
    return (abs(x - c) <= half and abs(y - cy) <= arm) or (abs(y - cy) <= half and abs(x - c) <= arm)


def inside_wave(x, y):
    # A band between two sine-like arcs across the lower part of the emblem.
    import math
    base = 182 + 10 * math.sin((x / DESIGN) * 2 * math.pi)
    return base <= y <= base + 16


def colour_at(x, y):
    if not inside_rounded_square(x, y):
        return None
    if inside_cross(x, y):
        return WHITE
    if inside_wave(x, y):
        return TEAL
    return BLUE


def pixel(px, py):
    samples = []
    for sy in range(4):
        for sx in range(4):
            samples.append(colour_at((px + (sx + 0.5) / 4) * SCALE, (py + (sy + 0.5) / 4) * SCALE))
    covered = [s for s in samples if s is not None]
    if not covered:
        return (0, 0, 0, 0)
    r = sum(s[0] for s in covered) // len(covered)
    g = sum(s[1] for s in covered) // len(covered)
    b = sum(s[2] for s in covered) // len(covered)
    return (r, g, b, 255 * len(covered) // len(samples))


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def main():
    rows = bytearray()
    for y in range(SIZE):
        rows.append(0)  # filter: none
        for x in range(SIZE):
            rows.extend(pixel(x, y))
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(rows), 9))
    png += chunk(b"IEND", b"")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "logo.png")
    with open(out, "wb") as f:
        f.write(png)
    print(f"wrote {os.path.normpath(out)} ({len(png)} bytes)")


if __name__ == "__main__":
    main()
