import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _pkg  # noqa: E402

# `python -m pytest` puts the working directory on sys.path; when that is the repository
# root, our processing/ package would shadow QGIS's own `processing` module.
sys.path[:] = [p for p in sys.path if Path(os.path.abspath(p or os.curdir)) != _pkg.ROOT]
_pkg.ensure_importable()
