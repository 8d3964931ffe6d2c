"""Chinese text of a PDF map that reads back as written.

A PDF names the character of each glyph it draws in a ToUnicode map. Qt's PDF writer takes that
name from the font's character map, where a CJK font gives one glyph to an ideograph and to the
radical of the same shape (人 U+4EBA and the Kangxi radical ⼈ U+2F08; 长 U+957F and ⻓ U+2ED3),
and Qt names the glyph after the radical, which comes first. Searching the PDF for 常住人口 then
fails, and copied text holds radicals. :func:`fix_radicals` names those glyphs after the
ideograph: a map text never holds a radical, so the ideograph is what was written. The names have
the same length, so the file keeps every byte offset. The same happens to the en dash of
"core–secondary", which shares its glyph with the figure dash (U+2012), which no map text holds.
"""
import re
import unicodedata
from typing import Dict

__all__ = ["RADICALS", "FIGURE_DASH", "EN_DASH", "ideograph_of", "fix_radicals"]

FIGURE_DASH, EN_DASH = "\u2012", "\u2013"

#: Radicals of the CJK Radicals Supplement without a compatibility decomposition, drawn with the
#: glyph of the simplified ideograph of the same shape: {radical: ideograph}.
RADICALS: Dict[str, str] = {
    "\u2EA0": "民", "\u2EC4": "西", "\u2EC5": "见", "\u2EC6": "角", "\u2EC8": "讠", "\u2EC9": "贝",
    "\u2ECB": "车", "\u2ECC": "辶", "\u2ED0": "钅", "\u2ED3": "长", "\u2ED4": "门", "\u2ED9": "韦",
    "\u2EDA": "页", "\u2EDB": "风", "\u2EDC": "飞", "\u2EDD": "食", "\u2EE0": "饣", "\u2EE2": "马",
    "\u2EE3": "骨", "\u2EE5": "鱼", "\u2EE6": "鸟", "\u2EE7": "卤", "\u2EE8": "麦", "\u2EE9": "黄",
    "\u2EEC": "齐", "\u2EEE": "齿", "\u2EF0": "龙",
}


def ideograph_of(char: str) -> str:
    """The ideograph a radical's glyph shows (the en dash for the figure dash), or ``char``
    itself for any other character.

    >>> ideograph_of("\u2F08"), ideograph_of("\u2ED3"), ideograph_of("\u2EF3"), ideograph_of("a"), ideograph_of("人")
    ('人', '长', '龟', 'a', '人')
    >>> ideograph_of(FIGURE_DASH) == EN_DASH
    True
    """
    if char == FIGURE_DASH:
        return EN_DASH
    code = ord(char)
    if 0x2F00 <= code <= 0x2FDF or 0x2E80 <= code <= 0x2EFF:
        if char in RADICALS:
            return RADICALS[char]
        folded = unicodedata.normalize("NFKC", char)
        if len(folded) == 1 and 0x4E00 <= ord(folded) <= 0x9FFF:
            return folded
    return char


_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_ARRAY = re.compile(rb"\[([^\]]*)\]")
_PAIR = re.compile(rb"(<[0-9A-Fa-f]+>\s*)(<[0-9A-Fa-f]{4}>)")


def _named(match) -> bytes:
    char = chr(int(match.group(1), 16))
    fixed = ideograph_of(char)
    return match.group(0) if fixed == char else b"<%04X>" % ord(fixed)


def _fix_cmap(cmap: bytes) -> bytes:
    """The destinations of a ToUnicode CMap's ``bfchar`` pairs and ``bfrange`` arrays, radicals
    named after their ideographs (the source codes, glyph ids, are left alone)."""
    def in_chars(block):
        return b"beginbfchar" + _PAIR.sub(lambda m: m.group(1) + _HEX4.sub(_named, m.group(2)), block.group(1)) + \
            b"endbfchar"

    def in_ranges(block):
        return b"beginbfrange" + _ARRAY.sub(lambda m: b"[" + _HEX4.sub(_named, m.group(1)) + b"]", block.group(1)) + \
            b"endbfrange"

    return _BFRANGE.sub(in_ranges, _BFCHAR.sub(in_chars, cmap))


def fix_radicals(data: bytes) -> bytes:
    """``data``, a PDF, with the uncompressed ToUnicode maps naming radicals named after their
    ideographs (:func:`ideograph_of`); the same length, so its cross-reference table stays
    valid. A compressed map is left as it is."""
    out = bytearray(data)
    for number in sorted(set(_TO_UNICODE.findall(data))):
        obj = re.search(rb"(?:^|[\r\n])" + number + rb"\s+0\s+obj\s*<<(.*?)>>\s*stream\r?\n", data, re.S)
        if obj is None or b"/Filter" in obj.group(1):
            continue
        start = obj.end()
        end = data.find(b"endstream", start)
        if end < 0:
            continue
        fixed = _fix_cmap(data[start:end])
        if len(fixed) == end - start:
            out[start:end] = fixed
    return bytes(out)
