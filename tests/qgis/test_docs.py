"""docs/algorithms.md is generated from the parameter definitions and must be current."""
import sys

from _pkg import ROOT


def test_reference_is_current():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_docs
    finally:
        sys.path.pop(0)
    expected = make_docs.render(make_docs.algorithms())
    current = (ROOT / "docs" / "algorithms.md").read_text(encoding="utf-8")
    assert current == expected, "docs/algorithms.md is out of date: run scripts/make_docs.py"


def test_every_parameter_is_documented():
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("megaregion")
    for alg in provider.algorithms():
        assert len(alg.shortHelpString()) > 200, alg.id()
        for p in alg.parameterDefinitions():
            assert p.description() and p.description() != p.name(), (alg.id(), p.name())


def test_pipeline_model_file_is_current(tmp_path):
    """resources/models/pipeline.model3 is written by scripts/make_pipeline_model.py."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_pipeline_model
    finally:
        sys.path.pop(0)
    fresh = tmp_path / "pipeline.model3"
    assert make_pipeline_model.build().toFile(str(fresh))
    shipped = ROOT / "resources" / "models" / "pipeline.model3"
    from xml.etree.ElementTree import canonicalize

    # Qt writes XML attributes in a random order: compare canonical forms
    canon = lambda path: canonicalize(path.read_text(encoding="utf-8").split("\n", 1)[1], strip_text=True)  # noqa: E731
    assert canon(fresh) == canon(shipped), (
        "pipeline.model3 is out of date: run scripts/make_pipeline_model.py"
    )
