"""Build the installable plugin zip: dist/megaregion-<version>.zip with one top-level folder
``megaregion`` holding what the plugin needs at run time (no tests, benchmarks, caches or
development files). The reference the Help buttons open, docs/html/*.html, is rendered
from docs/algorithms.md and docs/method.md as the zip is made (standard library only)."""
import configparser
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INCLUDE = ["__init__.py", "plugin.py", "metadata.txt", "LICENSE", "README.md", "docs", "core", "processing", "ui", "resources",
           "i18n"]
EXCLUDE_PARTS = {"__pycache__", ".pytest_cache"}
EXCLUDE_SUFFIXES = {".pyc", ".pyo", ".aux.xml", ".ts"}  # i18n: the compiled .qm only


def files():
    for entry in INCLUDE:
        path = ROOT / entry
        if path.is_file():
            yield path
        elif path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.is_file() and not (set(p.relative_to(ROOT).parts) & EXCLUDE_PARTS) and not any(
                    str(p).endswith(s) for s in EXCLUDE_SUFFIXES
                ):
                    yield p


def main(dest=None):
    if not (ROOT / "resources" / "data" / "ntl_sample" / "ntl_synthetic_2020.tif").exists():
        import subprocess

        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_sample_ntl.py")], check=True)
    meta = configparser.ConfigParser()
    meta.read(ROOT / "metadata.txt", encoding="utf-8")
    version = meta["general"]["version"]
    dest = Path(dest) if dest else ROOT / "dist"
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / f"megaregion-{version}.zip"
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_docs
    import make_translations

    make_translations.compile_qm()  # i18n/megaregion_zh_CN.qm from the .ts (Qt's lrelease)

    pages = {f"docs/html/{name}": page for name, page in make_docs.html_pages().items()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in files():
            name = p.relative_to(ROOT).as_posix()
            if name not in pages:
                zf.write(p, "megaregion/" + name)
        for name, page in pages.items():
            zf.writestr("megaregion/" + name, page)
    print(target)
    return target


if __name__ == "__main__":
    main(*sys.argv[1:])
