"""Lazy loading: heavy modules are imported inside the handler, on the first request that needs them.

Cold starts stay short; the first invocation of each environment pays for the imports instead
(they show up in the profile between START and END, as invoke-phase imports).
"""
import orders


def handler(event, context):
    import email.message
    import http.client  # noqa: F401  (stands in for an HTTP client used to notify a downstream service)
    import sqlite3
    import xml.etree.ElementTree as element_tree

    order = event if isinstance(event, dict) else {}
    total = orders.price(order)
    return orders.response(orders.receipt(order, total, email.message, element_tree, sqlite3))
