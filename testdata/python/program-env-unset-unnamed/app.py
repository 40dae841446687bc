import os
import subprocess

tool = os.environ.get("TOOL")
subprocess.run([tool, "--version"])
