#!/usr/bin/env bash
# Runs in a RUN step of Dockerfile (bind-mounted, so it leaves no file behind): installs Debian's
# Python 3.13 and lays it out like the python image's /usr/local.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

apt-get update
apt-get install -y --no-install-recommends ca-certificates netbase tzdata python3.13 python3.13-venv
rm -rf /var/lib/apt/lists/*

# The python image's interpreter is /usr/local/bin/python3.13 with python3 and python links.
ln -s /usr/bin/python3.13 /usr/local/bin/python3.13
ln -s python3.13 /usr/local/bin/python3
ln -s python3 /usr/local/bin/python

# Debian marks its Python as managed by apt (PEP 668); the python image does not.
rm -f /usr/lib/python3.13/EXTERNALLY-MANAGED

# pip in /usr/local, from the wheel python3.13-venv brings (the python image installs pip with
# ensurepip, which Debian turns off outside a virtual environment). Its scripts (pip, pip3,
# pip3.13) go to /usr/local/bin with #!/usr/local/bin/python3.13.
whl=$(echo /usr/share/python-wheels/pip-*.whl)
/usr/local/bin/python3.13 "$whl/pip" install --no-cache-dir --no-index --no-compile \
	--root-user-action=ignore --disable-pip-version-check -q "$whl"

# Checks: the version, pip, and a virtual environment made as restage's output makes one.
got=$(python -c 'import platform; print(platform.python_version())')
[ "$got" = "$PYTHON_VERSION" ] || { echo "python is $got, not PYTHON_VERSION=$PYTHON_VERSION: fix the Dockerfile's ARG" >&2; exit 1; }
pip --version
python -m venv /tmp/venv-check
/tmp/venv-check/bin/pip --version
rm -rf /tmp/venv-check /root/.cache
