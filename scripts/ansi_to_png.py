"""Draws a terminal screen captured with SGR escapes (`tmux capture-pane -e -p`) as a PNG, cell by cell,
in DejaVu Sans Mono, with the xterm palette. Used by scripts/screenshots."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
BACKGROUND = (30, 30, 36)
FOREGROUND = (214, 214, 214)
# xterm's 16 colours, as most terminals show them.
BASE16 = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188), (17, 168, 205),
    (229, 229, 229), (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67), (59, 142, 234),
    (214, 112, 214), (41, 184, 219), (255, 255, 255),
]


def palette256(index: int) -> tuple[int, int, int]:
    if index < 16:
        return BASE16[index]
    if index < 232:
        index -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[index // 36], steps[(index // 6) % 6], steps[index % 6]
    level = 8 + (index - 232) * 10
    return level, level, level


@dataclass(frozen=True)
class Pen:
    fg: tuple[int, int, int] | None = None
    bg: tuple[int, int, int] | None = None
    bold: bool = False
    reverse: bool = False
    underline: bool = False
    dim: bool = False


SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def apply_sgr(pen: Pen, parameters: str) -> Pen:
    codes = [int(p) if p.isdigit() else 0 for p in re.split(r"[;:]", parameters)] if parameters else [0]
    i = 0
    while i < len(codes):
        code = codes[i]
        if code == 0:
            pen = Pen()
        elif code == 1:
            pen = replace(pen, bold=True)
        elif code == 2:
            pen = replace(pen, dim=True)
        elif code == 4:
            pen = replace(pen, underline=True)
        elif code == 7:
            pen = replace(pen, reverse=True)
        elif code == 22:
            pen = replace(pen, bold=False, dim=False)
        elif code == 24:
            pen = replace(pen, underline=False)
        elif code == 27:
            pen = replace(pen, reverse=False)
        elif 30 <= code <= 37:
            pen = replace(pen, fg=BASE16[code - 30])
        elif 90 <= code <= 97:
            pen = replace(pen, fg=BASE16[code - 90 + 8])
        elif 40 <= code <= 47:
            pen = replace(pen, bg=BASE16[code - 40])
        elif 100 <= code <= 107:
            pen = replace(pen, bg=BASE16[code - 100 + 8])
        elif code == 39:
            pen = replace(pen, fg=None)
        elif code == 49:
            pen = replace(pen, bg=None)
        elif code in (38, 48) and i + 1 < len(codes):
            if codes[i + 1] == 5 and i + 2 < len(codes):
                colour = palette256(codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                colour = tuple(codes[i + 2:i + 5])
                i += 4
            else:
                colour = None
            pen = replace(pen, fg=colour) if code == 38 else replace(pen, bg=colour)
        i += 1
    return pen


def cell_width(character: str) -> int:
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def parse(screen: str, width: int) -> list[list[tuple[str, Pen]]]:
    rows = []
    for line in screen.split("\n"):
        pen = Pen()
        row: list[tuple[str, Pen]] = []
        position = 0
        for match in SGR.finditer(line + "\x1b[0m"):
            for character in line[position:match.start()]:
                row.append((character, pen))
                if cell_width(character) == 2:
                    row.append(("", pen))
            pen = apply_sgr(pen, match.group(1))
            position = match.end()
        rows.append((row + [(" ", Pen())] * width)[:width])
    return rows


def render(screen: str, width: int, height: int, output: Path, font_size: int = 15) -> None:
    regular = ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono.ttf"), font_size)
    bold = ImageFont.truetype(str(FONT_DIR / "DejaVuSansMono-Bold.ttf"), font_size)
    left, top, right, bottom = regular.getbbox("M")
    cell_w = round(regular.getlength("M"))
    cell_h = round(font_size * 1.3)
    margin = 12
    image = Image.new("RGB", (width * cell_w + 2 * margin, height * cell_h + 2 * margin), BACKGROUND)
    draw = ImageDraw.Draw(image)
    rows = parse(screen, width)[:height]
    for y, row in enumerate(rows):
        for x, (character, pen) in enumerate(row):
            fg = pen.fg or FOREGROUND
            bg = pen.bg
            if pen.reverse:
                fg, bg = (bg or BACKGROUND), (pen.fg or FOREGROUND)
            if pen.dim:
                fg = tuple(int(c * 0.6) for c in fg)
            x0, y0 = margin + x * cell_w, margin + y * cell_h
            if bg is not None:
                draw.rectangle([x0, y0, x0 + cell_w * max(1, cell_width(character or " ")) - 1, y0 + cell_h - 1], fill=bg)
            if character and character != " ":
                draw.text((x0, y0 + (cell_h - (bottom - top)) // 2 - top), character, font=bold if pen.bold else regular, fill=fg)
            if pen.underline:
                draw.line([x0, y0 + cell_h - 2, x0 + cell_w - 1, y0 + cell_h - 2], fill=fg)
    image.save(output)
