import os
import subprocess
import time


def handler(event, context):
    child = subprocess.Popen(["sleep", "300"])
    with open(os.environ["CHILD_PID_FILE"], "w") as out:
        out.write(str(child.pid))
    while True:
        time.sleep(0.05)
