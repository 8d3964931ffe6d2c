"""A Processing feedback that keeps what an algorithm says, for tests to read."""
from qgis.core import QgsProcessingFeedback


class RecordingFeedback(QgsProcessingFeedback):
    """``infos``, ``warnings`` and ``errors`` as the algorithm pushed them, ``lines`` the infos
    and warnings in the order they came, ``text()`` those lines joined."""

    def __init__(self):
        super().__init__()
        self.infos, self.warnings, self.errors, self.lines = [], [], [], []

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.infos.append(info)
        self.lines.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)
        self.lines.append(warning)
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.errors.append(error)
        super().reportError(error, fatalError)

    def text(self):
        return "\n".join(self.lines)
