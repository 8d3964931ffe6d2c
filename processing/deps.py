"""The Python packages the algorithms need beyond QGIS, and how to add a missing one.

Algorithm modules import at module level only the standard library, ``qgis`` and numpy;
everything else (pandas, scipy, shapely, pyproj, GDAL's ``osgeo`` and the ``core`` modules
that use them) through :func:`lazy_import`, at its first use inside a run. So the provider
lists every algorithm whatever is installed, and an algorithm whose package is missing
refuses to run with :func:`missing_message` instead of a traceback."""
import importlib
from importlib.util import find_spec

# import name -> (package name in OSGeo4W and Debian/Ubuntu without "python3-", pip name)
PACKAGES = {
    "numpy": ("numpy", "numpy"),
    "pandas": ("pandas", "pandas"),
    "scipy": ("scipy", "scipy"),
    "shapely": ("shapely", "shapely"),
    "pyproj": ("pyproj", "pyproj"),
    "osgeo": ("gdal", "GDAL"),
    "openpyxl": ("openpyxl", "openpyxl"),
}


def missing_packages(requires, find=find_spec):
    """The import names among ``requires`` that cannot be imported (``find`` is
    :func:`importlib.util.find_spec`, which only locates a package: cheap)."""
    missing = []
    for name in requires:
        try:
            found = find(name) is not None
        except (ImportError, ValueError):  # a broken package, or one blocked in sys.modules
            found = False
        if not found:
            missing.append(name)
    return missing


def _and(words):
    from .i18n import tr

    words = list(words)
    return words[0] if len(words) == 1 else tr("{first} and {last}").format(first=", ".join(words[:-1]),
                                                                           last=words[-1])


#: What to do when packages are missing: one text for one package, one for several.
MISSING_ONE = (
    "{algorithm} needs the Python package {packages}, which this QGIS installation does not have. Add it and "
    "restart QGIS:\n"
    "- Windows (QGIS installer or OSGeo4W): run the OSGeo4W Setup, choose Advanced Install, search for "
    "{searched} and install it.\n"
    "- macOS: in a terminal, /Applications/QGIS.app/Contents/MacOS/bin/pip3 install {pip} (the pip of the "
    "Python inside QGIS; adjust the path if QGIS.app has another name).\n"
    "- Debian/Ubuntu: sudo apt install {system}")
MISSING_SEVERAL = (
    "{algorithm} needs the Python packages {packages}, which this QGIS installation does not have. Add them and "
    "restart QGIS:\n"
    "- Windows (QGIS installer or OSGeo4W): run the OSGeo4W Setup, choose Advanced Install, search for "
    "{searched} and install them.\n"
    "- macOS: in a terminal, /Applications/QGIS.app/Contents/MacOS/bin/pip3 install {pip} (the pip of the "
    "Python inside QGIS; adjust the path if QGIS.app has another name).\n"
    "- Debian/Ubuntu: sudo apt install {system}")


def missing_message(alg_id, missing):
    """What a user reads when ``alg_id`` cannot run: the missing packages and how to add
    them on Windows, macOS and Debian/Ubuntu."""
    from .i18n import tr

    system = [f"python3-{PACKAGES.get(m, (m, m))[0]}" for m in missing]
    pip = [PACKAGES.get(m, (m, m))[1] for m in missing]
    searched = _and(f'"{name}"' for name in system)
    text = tr(MISSING_SEVERAL) if len(missing) > 1 else tr(MISSING_ONE)
    return text.format(algorithm=alg_id, packages=_and(missing), searched=searched, pip=" ".join(pip),
                           system=" ".join(system))


class LazyModule:
    """A module imported at the first attribute access, so that importing an algorithm
    module does not import its optional packages."""

    def __init__(self, name, package=None):
        self._name = name
        self._package = package
        self._module = None

    def __getattr__(self, attribute):
        if self._module is None:
            self._module = importlib.import_module(self._name, self._package)
        return getattr(self._module, attribute)


def lazy_import(name, package=None):
    """``lazy_import("pandas")`` or ``lazy_import("..core.admin.join", __package__)``."""
    return LazyModule(name, package)
