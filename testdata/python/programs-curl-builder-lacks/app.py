import subprocess

status = subprocess.run(["curl", "-fsS", "https://example.com/status"], capture_output=True)
print(status.returncode)
