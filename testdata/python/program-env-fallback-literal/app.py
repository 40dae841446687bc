import os
import subprocess

git = os.getenv("GIT_BIN", "git")  # a path outside Docker
print(subprocess.run([git, "--version"], capture_output=True).stdout)
