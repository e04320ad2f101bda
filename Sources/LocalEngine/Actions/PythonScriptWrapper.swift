/// The small Python program that runs an aws:executeScript Script: it loads the script, calls
/// `handler(events, context)`, and writes the JSON result (or the error) between marker lines on the
/// original stdout. The script's own prints, and those of anything it starts, go to stderr and become the
/// step's log, so they can never be taken for the result.
enum PythonScriptWrapper {
    /// Arguments: script path, events path, context path, handler name, marker.
    static let source = #"""
import json, linecache, os, sys, traceback

def main():
    script_path, events_path, context_path, handler_name, marker = sys.argv[1:6]
    result_stream = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout.reconfigure(line_buffering=True)

    def emit(kind, value):
        sys.stdout.flush()
        sys.stderr.flush()
        result_stream.write("\n%s %s\n%s\n%s END\n" % (marker, kind, json.dumps(value, allow_nan=False), marker))
        result_stream.flush()

    def fail(error_type, message, stack=""):
        emit("ERROR", {"errorType": error_type, "errorMessage": message, "stackTrace": stack})
        return 1

    try:
        with open(events_path, encoding="utf-8") as f:
            events = json.load(f)
        with open(context_path, encoding="utf-8") as f:
            context = json.load(f)
        with open(script_path, encoding="utf-8") as f:
            source = f.read()
        # Tracebacks show the script's lines even if it changes directory.
        linecache.cache["script.py"] = (len(source), None, source.splitlines(True), "script.py")
        code = compile(source, "script.py", "exec")
        namespace = {"__name__": "script", "__file__": script_path}
        exec(code, namespace)
        handler = namespace.get(handler_name)
        if not callable(handler):
            defined = sorted(n for n, v in namespace.items() if callable(v) and not n.startswith("__"))
            return fail("HandlerNotFound",
                        "the Script defines no function named %r; functions it defines: %s"
                        % (handler_name, ", ".join(defined) or "none"))
        result = handler(events, context)
    except BaseException as error:
        # Skip the wrapper's own frame so the traceback starts in the script.
        stack = "".join(traceback.format_exception(type(error), error, error.__traceback__.tb_next))
        return fail(type(error).__name__, str(error), stack)
    try:
        json.dumps(result, allow_nan=False)
    except (TypeError, ValueError) as error:
        return fail("ResultNotJSON", "the handler returned a value that cannot be written as JSON: %s" % error)
    emit("RESULT", result)
    return 0

sys.exit(main())
"""#
}
