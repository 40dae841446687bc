# A code runner: it compiles and runs the C a user posts.
import subprocess

subprocess.run(["gcc", "/tmp/job.c", "-o", "/tmp/job"], check=True)
subprocess.run(["/tmp/job"], check=True)
