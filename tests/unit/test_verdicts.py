"""The categorical verdict fields a map draws (core/fields.py) and their words (core/panels/verdicts.py):
every value the algorithms write has words in both languages, and the field rule tells a verdict
from a number of the same family (``lisa_p_*``)."""
import doctest

from megaregion.core import fields as F
from megaregion.core.panels import verdicts
from megaregion.core.panels.convergence import sigma_verdict
from megaregion.core.panels.trends import trajectory_verdicts
from megaregion.core.spatial import moran


def test_doctests():
    for module in (F, verdicts):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0


def test_every_written_value_has_words_in_both_languages():
    written = {
        F.SIGMA_VERDICT: {sigma_verdict("theil", [0.3, 0.2], -0.02, -0.001),
                          sigma_verdict("theil", [0.2, 0.3], 0.001, 0.02),
                          sigma_verdict("theil", [0.3, 0.2], -0.02, 0.01)},
        F.TRAJECTORY: set(trajectory_verdicts([0.01, -0.02, 0.03], [0.01, 0.001, 0.2]).tolist()),
        F.LISA: set(moran.CLUSTERS),
    }
    for kind, values in written.items():
        assert values == set(F.VERDICT_CLASSES[kind]) == set(verdicts.WORDS[kind]), kind
        for value in values:
            en, zh = (verdicts.class_words(kind, value, lang) for lang in ("en", "zh"))
            assert en != zh and en.isascii() and not zh.isascii(), (kind, value)
    assert [verdicts.neutral_class(k) for k in F.VERDICT_KINDS] == ["unclear", "no_clear_trend", "ns"]


def test_verdict_fields_are_told_from_other_fields():
    for kind in F.VERDICT_KINDS:
        assert F.split_verdict_field(kind + "_popu_urban") == (kind, "popu_urban")
    assert F.split_verdict_field(F.sigma_verdict_field("ntl_total_light")) == (F.SIGMA_VERDICT, "ntl_total_light")
    assert F.split_verdict_field(F.trajectory_field("trajectory", "popu")) == (F.TRAJECTORY, "popu")
    assert F.split_verdict_field(F.spatial_field("lisa", "popu_2020")) == (F.LISA, "popu_2020")
    for other in (F.spatial_field("lisa_p", "popu_2020"), F.trajectory_field("slope_gap", "popu"), "lisa_",
                  "theil_popu_2020", "type"):
        assert F.split_verdict_field(other) is None, other
