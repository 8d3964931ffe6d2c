"""Messages of core in English and Chinese, without Qt.

Core raises its bad-input errors (and writes its notes) in English, the language of ``str()``,
so logs, tests and scripts read them as before. A message made with :func:`msg` also carries
its Chinese template, and the algorithms show it in the interface's language with
:func:`in_language` (``processing`` passes ``"zh"`` under the Chinese translation)::

    raise ValueError(msg("Field '{field}' has {count} NULL values: fill them or choose another field.",
                          "字段“{field}”有 {count} 个空值：请补齐或选择其他字段。",
                          field=name, count=n))

Both templates take the same named values (``str.format`` fields, with format specs such as
``{share:.1%}``); a value that is itself a :class:`Text` is shown in the same language, so
messages can be nested. Templates stay beside the code that raises them, so a new message is
written in both languages where it is written; ``tests/unit/test_core_messages.py`` checks
that every template of core is bilingual with the same fields.
"""
import string

LANGUAGES = ("en", "zh")


class Text(str):
    """A message whose ``str`` is English and which can be shown in Chinese.

    >>> t = msg("{n} cities have no value", "{n} 个城市没有数值", n=3)
    >>> str(t), t.in_language("zh")
    ('3 cities have no value', '3 个城市没有数值')
    >>> outer = msg("Input problem: {reason}", "输入有误：{reason}", reason=t)
    >>> outer, outer.in_language("zh")
    ('Input problem: 3 cities have no value', '输入有误：3 个城市没有数值')
    """

    def __new__(cls, en, zh, values):
        self = super().__new__(cls, _format(en, values, "en"))
        self.en, self.zh, self.values = en, zh, dict(values)
        return self

    def in_language(self, lang):
        """The message in ``lang`` (``"zh"`` or anything else for English)."""
        if lang != "zh":
            return str(self)
        return _format(self.zh, self.values, "zh")

    def __reduce__(self):  # pickles (multiprocessing, copies) as the Text it is
        return (Text, (self.en, self.zh, self.values))


def _format(template, values, lang):
    shown = {k: (v.in_language(lang) if isinstance(v, Text) else v) for k, v in values.items()}
    return template.format(**shown)


def msg(en, zh, **values):
    """A message in English (its ``str``) and Chinese, filled with ``values``."""
    return Text(en, zh, values)


def fields_of(template):
    """The names of the fields of a template (for the tests that compare both languages).

    >>> sorted(fields_of("{a} and {b:.2f} of {a}"))
    ['a', 'b']
    """
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def in_language(message, lang):
    """``message`` (a :class:`Text`, an exception raised with one, or any other value) as text
    in ``lang``; anything that is not a :class:`Text` is shown as it is (English).

    >>> in_language(ValueError(msg("bad {x}", "错误的 {x}", x=1)), "zh")
    '错误的 1'
    >>> in_language(ValueError("plain"), "zh")
    'plain'
    """
    if isinstance(message, BaseException):
        if isinstance(getattr(message, "text", None), Text):  # an error class keeping its message apart
            return message.text.in_language(lang)
        args = message.args
        if len(args) == 1 and isinstance(args[0], Text):
            return args[0].in_language(lang)
        return str(message)
    if isinstance(message, Text):
        return message.in_language(lang)
    return str(message)
