"""The ColdStart lab's stand-in for the Lambda runtime: one local cold start, shaped like Lambda's.

Started as `python3.X [-X importtime] -S bootstrap.pyc` (compiled once per run, so no cold start pays for compiling
it; the lab passes -S so that the local interpreter's
site-packages and their .pth start-up hooks stay out; site itself is imported first below, as CPython does
at start-up). It imports what the runtime client imports (the preload), then the handler module the way the
runtime does, and prints Lambda's START / END / REPORT (or INIT_REPORT) lines on file descriptor 2, where
CPython prints the import profile, so their order is exact. It imports nothing else: every row in the
profile is the interpreter's, the runtime client's or the function's. See docs/lab.md.
"""
import site  # noqa: F401  (what CPython imports at start-up without -S)
import os
import sys
import time

def _boundary(line):
    os.write(2, (line + "\n").encode("utf-8"))


def _escape(value):
    return str(value).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _frames(traceback):
    frames = []
    while traceback is not None:
        code = traceback.tb_frame.f_code
        if code.co_filename != _frames.__code__.co_filename and not code.co_filename.startswith("<frozen"):
            frames.append('File "%s", line %d, in %s' % (code.co_filename, traceback.tb_lineno, code.co_name))
        traceback = traceback.tb_next
    return frames


def _error(result, prefix, error, kind):
    result.append((prefix + "_kind", kind))
    result.append((prefix + "_type", type(error).__name__))
    result.append((prefix + "_message", error))
    if isinstance(error, ImportError) and error.name:
        result.append((prefix + "_module", error.name))
    for frame in _frames(error.__traceback__)[-8:]:
        result.append((prefix + "_frame", frame))


def _peak_memory_mb():
    # Linux only (VmHWM, the peak resident set); 0 elsewhere: the reports never show this number.
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmHWM:"):
                    return (int(line.split()[1]) + 1023) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


class _Identity(object):
    cognito_identity_id = None
    cognito_identity_pool_id = None


class LambdaContext(object):
    """The attributes awslambdaric's context carries; values from the lab's environment."""

    def __init__(self, request_id, config, deadline_ms):
        self.aws_request_id = request_id
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.invoked_function_arn = config["function_arn"]
        self.client_context = None
        self.identity = _Identity()
        self.tenant_id = None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))

    def log(self, message):
        sys.stdout.write(str(message))


def _main():
    with open(os.environ.pop("COLDSTART_LAB_CONFIG"), encoding="utf-8") as source:
        config = eval(source.read(), {"__builtins__": {}})  # a Python literal written by the lab
    result_path = os.environ.pop("COLDSTART_LAB_RESULT")
    request_id = os.environ.pop("COLDSTART_LAB_REQUEST_ID")
    t0 = int(os.environ.pop("COLDSTART_LAB_T0", "0")) or time.monotonic_ns()
    result = []

    # Lambda's order: the code folder first, then the layers' folders, then the standard library.
    sys.path[:1] = config["path"]
    # The function's own output goes to standard output; descriptor 2 keeps the profile and our lines only.
    sys.stderr = sys.stdout

    missing = []
    for name in config["preload"]:
        try:
            __import__(name)
        except Exception as error:  # a module the runtime has and this interpreter lacks
            missing.append("%s (%s: %s)" % (name, type(error).__name__, error))
    for entry in missing:
        result.append(("preload_missing", entry))
    result.append(("loaded_before_handler", " ".join(sorted(sys.modules))))

    module_name, _, function_name = config["handler"].rpartition(".")
    handler = None
    try:
        if not module_name:
            raise ValueError("Bad handler '%s': not enough values to unpack (expected 2, got 1)" % config["handler"])
        if module_name.split(".")[0] in sys.builtin_module_names:
            raise ImportError("Cannot use built-in module %s as a handler module" % module_name)
        dotted = module_name.replace("/", ".")
        __import__(dotted)
        handler = getattr(sys.modules[dotted], function_name)
    except ImportError as error:
        _error(result, "init", error, "Runtime.ImportModuleError")
    except SyntaxError as error:
        _error(result, "init", error, "Runtime.UserCodeSyntaxError")
    except AttributeError as error:
        _error(result, "init", error, "Runtime.HandlerNotFound")
    except BaseException as error:  # whatever module-level code raises, SystemExit included
        _error(result, "init", error, "Runtime.Unknown")
    init_ms = (time.monotonic_ns() - t0) / 1e6

    if handler is None:
        _boundary("INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: error\tError Type: %s" % (init_ms, dict(result)["init_kind"]))
    elif "event" not in config:
        _boundary("INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: success" % init_ms)
        result.append(("outcome", "init"))
    else:
        event = config["event"]
        context = LambdaContext(request_id, config, int(time.time() * 1000) + config["timeout_ms"])
        _boundary("START RequestId: %s Version: $LATEST" % request_id)
        invoked = time.monotonic_ns()
        try:
            handler(event, context)
            result.append(("outcome", "invoked"))
        except BaseException as error:
            _error(result, "invoke", error, type(error).__name__)
        duration_ms = (time.monotonic_ns() - invoked) / 1e6
        _boundary("END RequestId: %s" % request_id)
        billed = int(-(-(duration_ms + init_ms) // 1))
        _boundary("REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB\tInit Duration: %.2f ms"
                  % (request_id, duration_ms, billed, config["memory_mb"], _peak_memory_mb(), init_ms))

    with open(result_path, "w", encoding="utf-8") as out:
        for key, value in result:
            out.write(key + "\t" + _escape(value) + "\n")
    sys.stdout.flush()


# A multiprocessing "spawn" child imports the parent's main script as __mp_main__: it must not run again there.
if __name__ == "__main__":
    _main()
