"""docs/algorithms.md is generated from the parameter definitions and must be current, and so
every algorithm's Help button opens its section of the HTML rendered from it (docs/html/, written
by make setup and make package)."""
import re
import sys
from urllib.parse import unquote, urlparse

from _pkg import ROOT

# Parameters whose label still says "(optional)" although QGIS marks them optional ("[optional]"):
# to be emptied, never to grow.
OPTIONAL_IN_LABEL = set()


def _make_docs():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_docs
    finally:
        sys.path.pop(0)
    return make_docs


def _algorithms():
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().providerById("megaregion").algorithms()


def test_reference_is_current():
    make_docs = _make_docs()
    expected = make_docs.render(make_docs.algorithms())
    current = (ROOT / "docs" / "algorithms.md").read_text(encoding="utf-8")
    assert current == expected, "docs/algorithms.md is out of date: run scripts/make_docs.py"


def test_every_help_button_opens_its_section_of_the_shipped_reference():
    for alg in _algorithms():
        url = urlparse(alg.helpUrl())
        assert url.scheme == "file", alg.id()
        page = unquote(url.path)
        assert page.endswith("/docs/html/algorithms.html"), alg.id()
        # the page as make setup and make package render it from the Markdown in git
        ids = re.findall(r'id="([^"]+)"', _make_docs().html_pages()["algorithms.html"])
        assert url.fragment == f"megaregion-{alg.name()}" and url.fragment in ids, alg.id()


def test_help_names_no_file_the_plugin_does_not_ship_and_labels_say_optional_once():
    offenders = set()
    for alg in _algorithms():
        assert "method.md" not in alg.shortHelpString(), alg.id()
        for p in alg.parameterDefinitions():
            optional = p.flags() & _optional_flag()
            if optional and re.search(r"\(optional\b", p.description(), re.I):
                offenders.add((alg.name(), p.name()))
    assert offenders <= OPTIONAL_IN_LABEL, offenders - OPTIONAL_IN_LABEL


def _optional_flag():
    from megaregion.processing import models

    return models._OPTIONAL


def test_reference_explains_benefit_cost_and_the_member_sets():
    text = (ROOT / "docs" / "algorithms.md").read_text(encoding="utf-8")
    assert "## Benefit and cost indicators" in text and "## Mega-region members" in text
    row = next(line for line in text.splitlines() if line.startswith("| `household` |"))
    assert "average household size" in row and "neutral: not a default" in row


def test_every_parameter_is_documented():
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("megaregion")
    for alg in provider.algorithms():
        assert len(alg.shortHelpString()) > 200, alg.id()
        for p in alg.parameterDefinitions():
            assert p.description() and p.description() != p.name(), (alg.id(), p.name())


def _model_content(model):
    """What a model does, independent of the form a QGIS version writes it in (QGIS 3.44 writes
    models as "Version2", naming output parameters after the outputs rather than
    ``child:output``; it still reads and runs Version1 files the same)."""
    def value(v):
        return None if v in (None, "") else v

    children = {}
    for child_id, child in model.childAlgorithms().items():
        sources = {
            name: [(str(s.source()), value(s.staticValue()), s.parameterName(), s.outputChildId(), s.outputName(),
                    s.expression()) for s in found]
            for name, found in child.parameterSources().items()
        }
        outputs = {
            name: (o.childId(), o.childOutputName(), o.description(), o.isMandatory(), value(o.defaultValue()))
            for name, o in child.modelOutputs().items()
        }
        children[child_id] = (child.algorithmId(), child.description(), child.isActive(), sources, outputs,
                              sorted(d.childId for d in child.dependencies()))
    inputs = {
        p.name(): (p.type(), p.description(), value(p.defaultValue()), p.flags())
        for p in model.parameterDefinitions() if not p.isDestination()
    }
    return model.name(), model.group(), model.helpContent(), children, inputs


def test_pipeline_model_file_is_current():
    """resources/models/pipeline.model3 is written by scripts/make_pipeline_model.py."""
    from qgis.core import QgsProcessingModelAlgorithm

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_pipeline_model
    finally:
        sys.path.pop(0)
    shipped = QgsProcessingModelAlgorithm()
    assert shipped.fromFile(str(ROOT / "resources" / "models" / "pipeline.model3"))
    fresh = make_pipeline_model.build()
    assert len(fresh.childAlgorithms()) >= 9
    assert _model_content(shipped) == _model_content(fresh), (
        "pipeline.model3 is out of date: run scripts/make_pipeline_model.py"
    )


def test_night_light_and_ndvi_take_the_zonal_parameters():
    """The public parameters of the zonal statistics presets (their qgis_process help is made
    as that of megaregion:zonalstatistics, tests/e2e/test_qgis_process.py)."""
    from qgis.core import QgsApplication

    for alg_id in ("megaregion:nighttimelight", "megaregion:ndvi"):
        alg = QgsApplication.processingRegistry().algorithmById(alg_id)
        names = {p.name() for p in alg.parameterDefinitions()}
        assert {"INPUT", "RASTER", "STATISTICS", "COVERAGE", "OUTPUT"} <= names, alg_id
