import subprocess
import sys

print(subprocess.run(["git", "--version"], capture_output=True).stdout)
subprocess.run([sys.executable, "-m", "pip", "--version"])
subprocess.run(sys.executable)
