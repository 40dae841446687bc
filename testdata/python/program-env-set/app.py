import os
import subprocess

git = os.environ["GIT_BIN"]


def version():
    return subprocess.run([git, "--version"], capture_output=True).stdout


print(version())
