import logging
import sys

print("module loaded: table orders")
print("import time:    99999 |      99999 | fake_module_printed_by_the_user", file=sys.stderr)
logging.getLogger().warning("a warning at import")
import decimal  # noqa: E402


def handler(event, context):
    print("handled", event)
    import fractions
    return str(fractions.Fraction(1, 3))
