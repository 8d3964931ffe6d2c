"""The categorical verdicts of the outputs in words, English and Chinese, for maps and tables:
the panels' verdicts and, drawn on the same kind of map, the LISA classes of :mod:`..spatial`.

Three kinds (field names and values in :mod:`..fields`): the σ-convergence verdict of a
mega-region's headline measure over three or more years (``sigma_verdict_<indicator>``, see
:func:`.convergence.sigma_verdict`), the trajectory of a secondary city's gap to its cores
(``trajectory_<indicator>``, Theil–Sen slope and Mann–Kendall test, see
:func:`.trends.trajectory_verdicts`) and the LISA cluster of a secondary city's gap
(``lisa_<indicator>``, Anselin 1995, as GeoDa names them)."""
from .. import fields as F

__all__ = ["WORDS", "NO_VALUE", "class_words", "neutral_class"]

#: Each kind's values in words: {kind: {value: (English, Chinese)}}.
WORDS = {
    F.SIGMA_VERDICT: {
        "converging": ("converging clearly", "明确收敛"),
        "diverging": ("diverging clearly", "明确发散"),
        "unclear": ("unclear", "不明确"),
    },
    F.TRAJECTORY: {
        "catching_up": ("catching up with the cores", "追赶核心城市"),
        "falling_behind": ("falling behind the cores", "落后于核心城市"),
        "no_clear_trend": ("no clear trend", "无明确趋势"),
    },
    F.LISA: {
        "HH": ("High-High", "高-高"),
        "LL": ("Low-Low", "低-低"),
        "HL": ("High-Low", "高-低"),
        "LH": ("Low-High", "低-高"),
        "ns": ("Not significant", "不显著"),
    },
}
#: A feature without a verdict (NULL).
NO_VALUE = ("no value", "无数值")


def class_words(kind, value, lang="en"):
    """``value`` of verdict ``kind`` in words in ``lang``; an unknown value is returned as text.

    >>> class_words("sigma_verdict", "unclear", "zh"), class_words("lisa", "HH")
    ('不明确', 'High-High')
    >>> class_words("trajectory", None), class_words("lisa", "XX")
    ('no value', 'XX')
    """
    zh = str(lang).lower().startswith("zh")
    if value is None or str(value) in ("", "NULL"):
        return NO_VALUE[zh]
    words = WORDS[kind].get(str(value))
    return str(value) if words is None else words[zh]


def neutral_class(kind):
    """The value drawn grey: no clear verdict (``unclear``, ``no_clear_trend``, ``ns``)."""
    return F.VERDICT_CLASSES[kind][-1]
