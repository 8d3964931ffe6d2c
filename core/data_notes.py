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


def joined(parts, sep="; ", sep_zh="；", more=""):
    """``parts`` (messages or text) joined by ``sep``, in Chinese by ``sep_zh``, then ``more``
    (e.g. ``"; ..."``, the same in both languages): a list of reasons in one message.

    >>> j = joined([note("no core city in the mega-region"), "x"], more="; ...")
    >>> j, j.in_language("zh")
    ('no core city in the mega-region; x; ...', '城市群没有核心城市；x；...')
    """
    values = {"p%d" % i: (p if isinstance(p, Text) else str(p)) for i, p in enumerate(parts)}
    more = _literal(more)
    return Text(sep.join("{%s}" % k for k in values) + more,
                sep_zh.join("{%s}" % k for k in values) + more.replace("; ", "；").replace(", ", "，"), values)


def reason_of(exc):
    """The message of ``exc`` to quote in another message: the :class:`Text` it was raised with
    (so it follows the language of the message around it), else its text.

    >>> reason_of(ValueError(note("no core city in the mega-region"))).in_language("zh")
    '城市群没有核心城市'
    >>> reason_of(OSError(2, "No such file"))
    '[Errno 2] No such file'
    """
    text = getattr(exc, "text", None)
    if isinstance(text, Text):
        return text
    if len(exc.args) == 1 and isinstance(exc.args[0], Text):
        return exc.args[0]
    return str(exc)
