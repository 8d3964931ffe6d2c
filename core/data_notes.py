"""A note the computations write into their outputs (why a city is left out, why an indicator
is dropped, a row's status), quoted in a message for the log.

The outputs keep such a note in English: it is data, and the reports translate it where they
show it (:func:`megaregion.core.report_texts.translate_note`). A message quoting it takes
:func:`note`, whose Chinese is that same translation, so the note follows the message's language.
"""
from .messages import Text
from .report_texts import translate_note


def _literal(text):
    return text.replace("{", "{{").replace("}", "}}")


def note(value):
    """``value`` (a note in English) as a part of a message, in Chinese as the reports show it.

    >>> n = note("no core city in the mega-region")
    >>> n, n.in_language("zh")
    ('no core city in the mega-region', '城市群没有核心城市')
    >>> note("{odd} text").in_language("zh")
    '{odd} text'
    """
    if isinstance(value, Text):
        return value
    en = str(value)
    return Text(_literal(en), _literal(translate_note(en, "zh")), {})

