"""The description of an output layer's fields (written by core, e.g.
:func:`..core.unevenness_layer.field_metadata`) stored with the layer, for the algorithms that
read the layer later (``megaregion:rendermaps`` titles and legends).

The carrier is the layer's QGIS metadata (:class:`QgsLayerMetadata`): the description is one
keyword, a JSON text, under the vocabulary :data:`VOCABULARY`. QGIS saves layer metadata into a
GeoPackage itself (the ``gpkg_metadata`` tables, through the provider's ``saveLayerMetadata``)
and reads it back whenever the layer is opened, with or without its default style: Processing
opens a layer given by path without its style, so a custom property or field alias saved in the
style would be lost there (QGIS 3.22 with GDAL 3.6 and QGIS 3.44 alike). Other files get a
``.qmd`` file next to them, which QGIS does not read by itself (:func:`with_saved` reads it); a
memory layer keeps its metadata for the session."""
from qgis.core import QgsProviderRegistry

#: The keyword vocabulary of the description.
VOCABULARY = "megaregion:fields"


def attach(layer, text):
    """Put the description ``text`` into ``layer``'s metadata (replacing an earlier one)."""
    metadata = layer.metadata()
    keywords = metadata.keywords()
    keywords[VOCABULARY] = [text]
    metadata.setKeywords(keywords)
    layer.setMetadata(metadata)


def stored(layer):
    """The description stored with ``layer``, or None."""
    if layer is None:
        return None
    texts = layer.metadata().keywords().get(VOCABULARY) or []
    return texts[0] if texts else None


def with_saved(layer):
    """``layer`` (a copy to draw) with the description saved next to its file when it carries
    none: QGIS reads a GeoPackage's metadata when it opens the layer, but not a ``.qmd`` file."""
    if stored(layer) is None and layer.providerType() != "memory":
        metadata = layer.metadata()
        _message, ok = layer.loadDefaultMetadata()
        if not ok or stored(layer) is None:
            layer.setMetadata(metadata)
    return layer


def save(layer):
    """Save ``layer``'s metadata with its data: into a GeoPackage, or the ``.qmd`` file next to
    another file. Returns an error message, or an empty string (also for a memory layer, which
    keeps its metadata in memory)."""
    if layer.providerType() == "memory":
        return ""
    provider = QgsProviderRegistry.instance().providerMetadata(layer.providerType())
    parts = provider.decodeUri(layer.source()) if provider is not None else {}
    if str(parts.get("path") or "").lower().endswith(".gpkg") and hasattr(provider, "saveLayerMetadata"):
        # the provider saves by layer name: a path alone (one table) names the table it opened
        if not parts.get("layerName"):
            parts["layerName"] = _table_name(layer, parts.get("layerId"))
            parts.pop("layerId", None)
        try:
            result = provider.saveLayerMetadata(provider.encodeUri(parts), layer.metadata())
        except Exception as exc:  # noqa: BLE001 (QgsNotSupportedException: the provider cannot)
            return str(exc)
        ok, error = result if isinstance(result, tuple) else (result, "")
        return "" if ok else (error or "not saved")
    message, ok = layer.saveDefaultMetadata()
    return "" if ok else message


def _table_name(layer, layer_id):
    """The name of the table a layer opened by path (and ``layer_id``, default the first) reads."""
    index = int(layer_id) if str(layer_id or "").isdigit() else 0
    path = layer.source().split("|", 1)[0]
    for details in QgsProviderRegistry.instance().querySublayers(path):
        if details.providerKey() == layer.providerType() and details.layerNumber() == index:
            return details.name()
    return ""
