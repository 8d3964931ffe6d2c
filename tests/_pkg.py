"""Make the repository importable as the package ``megaregion`` whatever the checkout
folder is called: a folder holding one symlink ``megaregion`` -> repository root."""
import hashlib
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def plugin_parent() -> Path:
    """A folder whose child ``megaregion`` is this repository (usable as a QGIS plugin path)."""
    if ROOT.name == "megaregion":
        return ROOT.parent
    tag = hashlib.sha1(str(ROOT).encode()).hexdigest()[:10]
    parent = Path(tempfile.gettempdir()) / f"megaregion-plugin-path-{tag}"
    parent.mkdir(exist_ok=True)
    link = parent / "megaregion"
    if not link.exists():
        try:
            os.symlink(ROOT, link, target_is_directory=True)
        except FileExistsError:  # another process made it meanwhile
            pass
    return parent


def ensure_importable() -> Path:
    parent = str(plugin_parent())
    if parent not in sys.path:
        sys.path.insert(0, parent)
    return Path(parent)


if __name__ == "__main__":
    print(plugin_parent())
