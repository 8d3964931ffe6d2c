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
from .i18n import tr
from .map_texts import field_metadata, text
from .styling import diverging_renderer
from ..core import fields as F
from ..core.fields import list_names

CLEAR_MARK = F.CHANGE_IS_CLEAR


def clarity_field(names, measure, indicator, given=None, layer_name="", metadata=None):
    """The field of ``names`` that says whether the change of ``measure`` of ``indicator`` is clear:
    ``given``, else the one the layer's description (``metadata``) names, else one named so."""
    if given:
        if given not in names:
            raise QgsProcessingException(tr(
                "CLARITY_FIELD '{given}' is not a field of layer '{layer}' (fields: {fields}): "
                "name the field that says whether each region's change is clear, or leave it empty to find it."
            ).format(given=given, layer=layer_name, fields=list_names(names, 12)))
        return given
    described = [f for f, e in (metadata or {}).items()
                 if e["measure"] == CLEAR_MARK and e["indicator"] == indicator and f in names]
    if len(described) == 1:
        return described[0]
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
        raise QgsProcessingException(tr(
            "CLEAR_CHANGES_ONLY: layer '{layer}' has no field saying whether a change is clear "
            "(a field named {mark}...): run 'Core-secondary unevenness' with confidence intervals "
            "(BOOTSTRAP above 0), name the field in CLARITY_FIELD, or turn CLEAR_CHANGES_ONLY off."
        ).format(layer=layer_name, mark=CLEAR_MARK))
    raise QgsProcessingException(tr(
        "CLEAR_CHANGES_ONLY: layer '{layer}' has several fields saying whether a change is clear "
        "({fields}) and none is for the indicator '{indicator}' alone: name one in CLARITY_FIELD."
    ).format(layer=layer_name, fields=list_names(candidates, 8), indicator=indicator))


def mapped_measure(layer, metadata=None):
    """``(measure, indicator)`` of the unevenness measure ``layer`` (a styled copy) is graduated
    by, or None when it is not a map of an unevenness measure (CLEAR_CHANGES_ONLY does not
    apply to it)."""
    renderer = layer.renderer()
    if renderer is None or renderer.type() != "graduatedSymbol":
        return None
    metadata = field_metadata(layer) if metadata is None else metadata
    mapped = metadata.get(renderer.classAttribute())
    if mapped is None or mapped["unit"] in ("p", "flag"):
        return None  # not a measure of unevenness: a p-value or a flag has no change to map
    return mapped["measure"], mapped["indicator"]


def clear_changes(layer, given_field, lang):
    """Restyle ``layer`` (a copy) to show only clear changes. Returns ``(graduated renderer of the
    change, footer note)``, or ``None`` when the layer is not a map of an unevenness measure
    (it is then drawn as it is styled)."""
    metadata = field_metadata(layer)
    mapped = mapped_measure(layer, metadata)
    if mapped is None:
        return None
    measure, indicator = mapped
    names = layer.fields().names()
    changes = [f for f, e in metadata.items() if f in names and e["measure"] == measure
               and e["indicator"] == indicator and e["year"] == F.CHANGE and "interval" not in e]
    change = changes[0] if changes else F.measure_field(measure, indicator, F.CHANGE)
    if change not in names:
        raise QgsProcessingException(tr(
            "CLEAR_CHANGES_ONLY: layer '{layer}' has no change field '{field}' of the measure it maps: run "
            "'Core-secondary unevenness' with indicators in two years, or turn CLEAR_CHANGES_ONLY off."
        ).format(layer=layer.name(), field=change))
    field = clarity_field(names, measure, indicator, given_field, layer.name(), metadata)
    graduated = diverging_renderer(layer, change, 0.0)
    if graduated is None:
        raise QgsProcessingException(tr(
            "CLEAR_CHANGES_ONLY: the change field '{field}' of layer '{layer}' has no value: nothing to map; "
            "check the years of the indicator.").format(field=change, layer=layer.name()))
    layer.setRenderer(map_symbols.clear_changes_renderer(
        layer.geometryType(), graduated, field, text("clear_only", lang), text("not_clear", lang)))
    return graduated, text("clear_note", lang, field=field)
