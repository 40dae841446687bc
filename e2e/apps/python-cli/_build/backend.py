"""A minimal PEP 517 build backend for this project, standard library only.

It builds a pure-Python wheel from pyproject.toml ([project] name, version, description,
requires-python, scripts) and the packages under src/. pip runs it in place (backend-path), so a
`pip install .` needs no package index. It does not build sdists or editable installs.
"""

import base64
import hashlib
import io
import pathlib
import tomllib
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
# A fixed date keeps the wheel the same from build to build.
EPOCH = (2024, 1, 1, 0, 0, 0)


def _project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _dist_info(p):
    return f"{p['name'].replace('-', '_')}-{p['version']}.dist-info"


def _metadata(p):
    lines = ["Metadata-Version: 2.1", f"Name: {p['name']}", f"Version: {p['version']}"]
    if "description" in p:
        lines.append(f"Summary: {p['description']}")
    if "requires-python" in p:
        lines.append(f"Requires-Python: {p['requires-python']}")
    return "\n".join(lines) + "\n"


def _files(p):
    """(archive name, bytes) for every file of the wheel but RECORD."""
    out = []
    for f in sorted((ROOT / "src").rglob("*.py")):
        out.append((f.relative_to(ROOT / "src").as_posix(), f.read_bytes()))
    di = _dist_info(p)
    out.append((f"{di}/METADATA", _metadata(p).encode()))
    out.append((f"{di}/WHEEL", b"Wheel-Version: 1.0\nGenerator: _build/backend.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"))
    scripts = p.get("scripts", {})
    if scripts:
        ep = "[console_scripts]\n" + "".join(f"{k} = {v}\n" for k, v in scripts.items())
        out.append((f"{di}/entry_points.txt", ep.encode()))
    return out


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}\n"


def get_requires_for_build_wheel(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    p = _project()
    di = pathlib.Path(metadata_directory) / _dist_info(p)
    di.mkdir(parents=True, exist_ok=True)
    (di / "METADATA").write_text(_metadata(p), encoding="utf-8")
    return di.name


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    p = _project()
    name = f"{p['name'].replace('-', '_')}-{p['version']}-py3-none-any.whl"
    files = _files(p)
    record = io.StringIO()
    with zipfile.ZipFile(pathlib.Path(wheel_directory) / name, "w", zipfile.ZIP_DEFLATED) as z:
        for arcname, data in files:
            z.writestr(zipfile.ZipInfo(arcname, EPOCH), data)
            record.write(_record_line(arcname, data))
        rec = f"{_dist_info(p)}/RECORD"
        record.write(f"{rec},,\n")
        z.writestr(zipfile.ZipInfo(rec, EPOCH), record.getvalue())
    return name
