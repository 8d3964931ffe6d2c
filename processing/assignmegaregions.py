"""``megaregion:assignmegaregions``: add mega-region, role and phase to each prefecture."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from . import compat, qgis_io
from .base import MegaregionAlgorithm
from .input_checks import CheckedInputs, checked_source, named
from .deps import lazy_import
from .i18n import shown
from .styling import megaregion_renderer
from .tables import table_frame

core_membership = lazy_import("..core.membership", __package__)


class AssignMegaregionsAlgorithm(CheckedInputs, MegaregionAlgorithm):
    REQUIRES = ("numpy", "pandas")
    INPUT = "INPUT"
    KEY = "KEY"
    MEMBERSHIP = "MEMBERSHIP"
    MULTIPLE = "MULTIPLE"
    UNASSIGNED = "UNASSIGNED"
    INCLUDE_SAR = "INCLUDE_SAR"
    MEMBERSHIP_SET = "MEMBERSHIP_SET"
    OUTPUT = "OUTPUT"
    #: MEMBERSHIP_SET options, in the order of core.membership.MEMBER_SETS
    MEMBER_SET_OPTIONS = ("Every member the plan documents name (default)",
                          "As in Du 2026: ordinary prefecture-level cities only")

    ALG_ID = "assignmegaregions"
    DISPLAY_NAME = "Assign mega-regions and core cities"
    HELP = (
        "Adds to each prefecture its mega-region (one of the 19 urban agglomerations, 城市群, of "
        "China's 14th Five-Year Plan) and its role in it: <b>core</b> (municipality, provincial "
        "capital or sub-provincial city) or <b>secondary</b> (every other member).\n\n"
        "<b>Prefectures</b>: a layer or table with the 6-digit administrative code (GB/T 2260) of each "
        "prefecture; <b>Administrative code field</b>: that field (default adcode). Chongqing may be "
        "500000 or 500100. <b>One feature per prefecture</b>: a layer in which the code repeats is refused. "
        "Counties or districts keyed by their parent city's code (Amap's ctadcode, DataV's municipality "
        "files) would each become a city of the mega-region: the message names the code, how many features "
        "share it and a few of their names; aggregate them with 'Prefectures from counties' "
        "(megaregion:aggregatecounties) first. A city delivered in several features with the same code and "
        "name (a multipart polygon split into parts) is refused too, not merged: dissolve it by the code "
        "field first, so that no feature is silently dropped or joined. Features whose codes are county "
        "codes (last two digits not 00, except the province-direct units 4190xx, 4290xx, 4690xx, 6590xx) "
        "and fit no mega-region are named in a warning.\n"
        "<b>Membership table</b> (optional): a table with the columns megaregion_id, megaregion_en, "
        "megaregion_zh, phase, adcode, name_zh, role; by default the bundled table compiled from the "
        "plan documents (see the plugin's resources/data/megaregions/SOURCE.md).\n"
        "<b>Cities in two mega-regions</b>: one output feature per membership (default), or only the "
        "first membership in the order of the membership table.\n"
        "<b>Prefectures in no mega-region</b>: kept with NULL fields (default) or dropped.\n"
        "<b>Include Hong Kong and Macao</b>: off by default, as they have no prefecture-level yearbook data.\n"
        "<b>Members</b>: every member the plan documents name (default), or <b>as in Du 2026</b>: the ordinary "
        "prefecture-level cities only, the sample of the dissertation's chapter 1 (Y. Du, TU Delft, 2026). That "
        "set leaves out the county-level units directly under a province (仙桃, 潜江, 天门, 济源, 石河子, 五家渠, "
        "胡杨河 and four Hainan units), the autonomous prefectures and prefectures (地区) of Jilin, Gansu, "
        "Qinghai, Xinjiang, Yunnan and Guizhou, and Hong Kong and Macao; partial members stay. Group sizes "
        "(cores/cities): Beijing-Tianjin-Hebei 3/13, Pearl River Delta 2/9, Chengdu-Chongqing 2/16, "
        "Shandong Peninsula 2/16, central-southern Liaoning 2/9, central Shanxi 1/5; 225 memberships in all "
        "instead of 248.\n\n"
        "<b>Output</b>: the prefectures with the fields megaregion_id, megaregion, megaregion_zh, role, "
        "phase, membership (full or partial: the plan includes only some counties), uncertain (1 where "
        "the membership table flags the row as uncertain) and membership_note."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Prefectures"), [compat.SOURCE_VECTOR])
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.KEY, self.tr("Administrative code field"), defaultValue="adcode",
                parentLayerParameterName=self.INPUT, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.MEMBERSHIP, self.tr("Membership table (default: bundled 19 mega-regions)"),
                [compat.SOURCE_VECTOR], optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MULTIPLE, self.tr("Cities in two mega-regions"),
                options=[self.tr("One feature per membership"), self.tr("First membership only")], defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.UNASSIGNED, self.tr("Prefectures in no mega-region"),
                options=[self.tr("Keep with NULL fields"), self.tr("Drop")], defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.INCLUDE_SAR, self.tr("Include Hong Kong and Macao"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MEMBERSHIP_SET, self.tr("Member cities of each mega-region"), options=[self.tr(o) for o in self.MEMBER_SET_OPTIONS],
                defaultValue=0,
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Prefectures with mega-regions")))

    def compute(self, parameters, context, feedback):
        source = checked_source(self, parameters, self.INPUT, context)
        key = self.parameterAsString(parameters, self.KEY, context) or "adcode"
        if source.fields().lookupField(key) < 0:
            raise QgsProcessingException(self.tr(
                "KEY field '{field}' is not in {input} (fields: {fields}): choose the field holding the 6-digit "
                "administrative codes.").format(field=key, input=named(parameters, self.INPUT),
                                                fields=", ".join(source.fields().names())))
        membership = None
        if parameters.get(self.MEMBERSHIP) not in (None, ""):
            try:
                membership = core_membership.load_membership(
                    table_frame(self, parameters, self.MEMBERSHIP, context, feedback)
                )
            except ValueError as exc:
                raise QgsProcessingException(self.tr("{input}: {reason}").format(
                    input=named(parameters, self.MEMBERSHIP), reason=shown(exc))) from exc
        multiple = ["all", "first"][self.parameterAsEnum(parameters, self.MULTIPLE, context)]
        unassigned = ["keep", "drop"][self.parameterAsEnum(parameters, self.UNASSIGNED, context)]
        include_sar = self.parameterAsBool(parameters, self.INCLUDE_SAR, context)
        members = core_membership.MEMBER_SETS[self.parameterAsEnum(parameters, self.MEMBERSHIP_SET, context)]
        if members == "du2026" and include_sar:
            raise QgsProcessingException(self.tr(
                "INCLUDE_SAR is on and MEMBERSHIP_SET is '{members}', which has no Hong Kong or Macao: turn "
                "INCLUDE_SAR off, or choose the plan documents' members.").format(
                    members=self.tr(self.MEMBER_SET_OPTIONS[1])))

        frame, geometries = qgis_io.source_to_frame(source, feedback, progress_share=0.4)
        try:
            result = core_membership.assign_megaregions(
                frame, key, membership=membership, multiple=multiple, unassigned=unassigned, include_sar=include_sar,
                members=members,
            )
        except ValueError as exc:
            raise QgsProcessingException(self.tr("{input}, KEY '{field}': {reason}").format(
                input=named(parameters, self.INPUT), field=key, reason=shown(exc))) from exc
        for warning in getattr(result, "attrs", {}).get("warnings", []):
            feedback.pushWarning(shown(warning))
        rows = result["source_row"].tolist()
        out = result.drop(columns=["source_row"])
        fields = qgis_io.frame_fields(out, templates=source.fields())
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        qgis_io.write_frame(sink, out, [geometries[r] for r in rows], feedback, 40, 100)
        if QgsWkbTypes.geometryType(source.wkbType()) == compat.GEOMETRY_POLYGON:
            self.style_output(dest_id, megaregion_renderer)
        assigned = out["megaregion_id"].notna()
        feedback.pushInfo(self.tr(
            "{memberships} prefecture memberships in {regions} mega-regions ({cores} core, {secondary} secondary); "
            "{others} prefectures in no mega-region.").format(
                memberships=int(assigned.sum()), regions=out.loc[assigned, "megaregion_id"].nunique(),
                cores=int((out["role"] == "core").sum()), secondary=int((out["role"] == "secondary").sum()),
                others=int((~assigned).sum())))
        return {self.OUTPUT: dest_id}
