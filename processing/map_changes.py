"""Maps of clear changes only: a mega-region map of a change of unevenness on which the regions
whose change is not clear (its confidence interval includes 0) are drawn grey with a hatch.

'Core-secondary unevenness' says per region whether the change of its headline measure is clear
(``change_is_clear`` with bootstrap intervals). The field is read from the ``CLARITY_FIELD``
parameter or found among the layer's fields: ``change_is_clear_<indicator>_change`` (as
'Core-secondary unevenness' names it), ``change_is_clear_<indicator>``,
``<measure>_<indicator>_change_is_clear``, ``<indicator>_change_is_clear``, or the only field
whose name contains ``change_is_clear``."""
from qgis.core import QgsProcessingException

from . import map_symbols
from .map_texts import split_unevenness_field, text
from .styling import diverging_renderer
from ..core import fields as F
from ..core.fields import list_names

CLEAR_MARK = "change_is_clear"


def clarity_field(names, measure, indicator, given=None, layer_name=""):
    """The field of ``names`` that says whether the change of ``measure`` of ``indicator`` is clear."""
    if given:
        if given not in names:
            raise QgsProcessingException(
                f"CLARITY_FIELD '{given}' is not a field of layer '{layer_name}' (fields: {list_names(names, 12)}): "
                "name the field that says whether each region's change is clear, or leave it empty to find it.")
        return given
    for form in (f"{CLEAR_MARK}_{indicator}_{F.CHANGE}", f"{CLEAR_MARK}_{indicator}", f"{measure}_{indicator}_{CLEAR_MARK}", f"{indicator}_{CLEAR_MARK}",
                 CLEAR_MARK):
        if form in names:
            return form
    candidates = [n for n in names if CLEAR_MARK in n.lower()]
    specific = [n for n in candidates if indicator in n]
    if len(specific) == 1:
        return specific[0]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise QgsProcessingException(
            f"CLEAR_CHANGES_ONLY: layer '{layer_name}' has no field saying whether a change is clear "
            f"(a field named {CLEAR_MARK}...): run 'Core-secondary unevenness' with confidence intervals "
            "(BOOTSTRAP above 0), name the field in CLARITY_FIELD, or turn CLEAR_CHANGES_ONLY off.")
    raise QgsProcessingException(
        f"CLEAR_CHANGES_ONLY: layer '{layer_name}' has several fields saying whether a change is clear "
        f"({list_names(candidates, 8)}) and none is for the indicator '{indicator}' alone: name one in CLARITY_FIELD.")


def clear_changes(layer, given_field, lang):
    """Restyle ``layer`` (a copy) to show only clear changes. Returns ``(graduated renderer of the
    change, footer note)``, or ``None`` when the layer is not a map of an unevenness measure
    (it is then drawn as it is styled)."""
    renderer = layer.renderer()
    if renderer is None or renderer.type() != "graduatedSymbol":
        return None
    parts = split_unevenness_field(renderer.classAttribute())
    if parts is None:
        return None
    measure, indicator, _year = parts
    names = layer.fields().names()
    change = F.measure_field(measure, indicator, F.CHANGE)
    if change not in names:
        raise QgsProcessingException(
            f"CLEAR_CHANGES_ONLY: layer '{layer.name()}' has no change field '{change}' of the measure it maps: run "
            "'Core-secondary unevenness' with indicators in two years, or turn CLEAR_CHANGES_ONLY off.")
    field = clarity_field(names, measure, indicator, given_field, layer.name())
    graduated = diverging_renderer(layer, change, 0.0)
    if graduated is None:
        raise QgsProcessingException(
            f"CLEAR_CHANGES_ONLY: the change field '{change}' of layer '{layer.name()}' has no value: nothing to map; "
            "check the years of the indicator.")
    layer.setRenderer(map_symbols.clear_changes_renderer(
        layer.geometryType(), graduated, field, text("clear_only", lang), text("not_clear", lang)))
    return graduated, text("clear_note", lang, field=field)
