import subprocess

print(subprocess.run(["gcloud", "--version"], capture_output=True, text=True).stdout)
