import os, subprocess
cmd = os.environ["TOOL"]
subprocess.run(cmd, shell=True)
