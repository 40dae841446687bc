import subprocess
subprocess.run(["chmod", "+x", "/app/tool"], check=True)
