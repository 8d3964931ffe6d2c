"""Core's messages in both languages (core/messages.py): every message core raises or logs for
a user is made with ``msg(en, zh, **values)``, both templates take the same fields, the
Chinese one is Chinese, and ``in_language`` shows it in the language asked for."""
import ast
import pickle
import re
from pathlib import Path

import pytest

from megaregion.core.messages import Text, fields_of, in_language, msg

CORE = Path(__file__).resolve().parents[2] / "core"
CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
#: Exceptions that are programming errors (a wrong call from code), never a user's input.
PROGRAMMING_ERRORS = {"AttributeError", "TypeError", "NotImplementedError", "AssertionError", "KeyError",
                      "IndexError", "StopIteration"}


def _core_modules():
    return sorted(p for p in CORE.rglob("*.py") if "__pycache__" not in p.parts)


def _is_text_call(node):
    func = node.func if isinstance(node, ast.Call) else None
    return (isinstance(func, ast.Name) and func.id == "msg") or (
        isinstance(func, ast.Attribute) and func.attr == "msg")


def _has_words(node):
    """An English message written out: a string literal with letters, an f-string, or a sum or
    %-format of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"[A-Za-z]{2,}", node.value))
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _has_words(node.left) or _has_words(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return _has_words(node.func.value)
    return False


def _text_calls():
    for path in _core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _is_text_call(node) and len(node.args) >= 2:
                yield path, node


def _english_raises():
    """``raise SomeError("English ...")`` in core: a user's message that cannot be shown in Chinese."""
    found = []
    for path in _core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in PROGRAMMING_ERRORS or not node.exc.args:
                continue
            if _has_words(node.exc.args[0]):
                found.append(f"{path.relative_to(CORE.parent)}:{node.lineno}: {name}")
    return found


def test_text_is_english_and_knows_its_chinese():
    t = msg("Field '{field}' has {count} NULL values ({share:.1%})", "字段“{field}”有 {count} 个空值（{share:.1%}）",
             field="popu_2020", count=3, share=0.25)
    assert t == "Field 'popu_2020' has 3 NULL values (25.0%)" and isinstance(t, str)
    assert t.in_language("zh") == "字段“popu_2020”有 3 个空值（25.0%）"
    assert t.in_language("en") == str(t)
    error = ValueError(t)
    assert str(error) == str(t) and in_language(error, "zh") == t.in_language("zh")
    assert pickle.loads(pickle.dumps(t)).in_language("zh") == t.in_language("zh")


def test_nested_text_follows_the_language_and_plain_text_stays():
    inner = msg("{n} cities", "{n} 个城市", n=2)
    outer = msg("No core among {what}", "{what}中没有核心城市", what=inner)
    assert outer == "No core among 2 cities" and outer.in_language("zh") == "2 个城市中没有核心城市"
    assert in_language(ValueError("plain English"), "zh") == "plain English"
    assert in_language(42, "zh") == "42"


def test_every_template_of_core_is_bilingual_with_the_same_fields():
    problems, count = [], 0
    for path, node in _text_calls():
        en, zh = node.args[0], node.args[1]
        if not (isinstance(en, ast.Constant) and isinstance(zh, ast.Constant)):
            problems.append(f"{path.name}:{node.lineno}: templates must be string literals")
            continue
        count += 1
        if fields_of(en.value) != fields_of(zh.value):
            problems.append(f"{path.name}:{node.lineno}: fields differ {sorted(fields_of(en.value))} "
                            f"vs {sorted(fields_of(zh.value))}")
        if not CJK.search(zh.value):
            problems.append(f"{path.name}:{node.lineno}: the Chinese template has no Chinese")
        given = {k.arg for k in node.keywords if k.arg}
        if not any(k.arg is None for k in node.keywords) and not fields_of(en.value) <= given:
            problems.append(f"{path.name}:{node.lineno}: fields {sorted(fields_of(en.value) - given)} not given")
    assert not problems, "\n".join(problems)
    assert count >= 1


def test_no_user_error_of_core_is_english_only():
    """Every error core raises for a user's input is a ``msg(en, zh, ...)``."""
    found = _english_raises()
    assert not found, "errors raised in English only (use core.messages.msg):\n" + "\n".join(found)
