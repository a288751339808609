import os
import sys
import time

STARTED_IN = os.getcwd()
PATH_AT_INIT = list(sys.path)


def handler(event, context):
    import json
    import socket
    from urllib.parse import urlparse

    endpoint = urlparse(os.environ["AWS_ENDPOINT_URL"])
    began = time.monotonic()
    try:
        socket.create_connection((endpoint.hostname, endpoint.port), timeout=5).close()
        connect = "connected"
    except OSError as error:
        connect = type(error).__name__
    facts = {
        "cwd": STARTED_IN,
        "path": PATH_AT_INIT,
        "environ": dict(os.environ),
        "connect": connect,
        "connect_ms": (time.monotonic() - began) * 1000,
        "dont_write_bytecode": sys.dont_write_bytecode,
        "event": event,
        "context": {
            "aws_request_id": context.aws_request_id,
            "function_name": context.function_name,
            "memory_limit_in_mb": context.memory_limit_in_mb,
            "invoked_function_arn": context.invoked_function_arn,
            "remaining_ms": context.get_remaining_time_in_millis(),
        },
        "stdout_is_stderr": sys.stderr is sys.stdout,
    }
    with open(os.environ["FACTS_FILE"], "w") as out:
        json.dump(facts, out)
    return "ok"
