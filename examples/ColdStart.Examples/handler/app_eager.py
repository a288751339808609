"""Eager loading: every module is imported at init (module level), before the first request.

Meant to run pre-warmed (provisioned concurrency): environments initialise ahead of traffic, so
requests never wait for imports. The whole import profile is init-phase.
"""
import email.message
import http.client  # noqa: F401  (stands in for an HTTP client used to notify a downstream service)
import sqlite3
import xml.etree.ElementTree as element_tree

import orders


def handler(event, context):
    order = event if isinstance(event, dict) else {}
    total = orders.price(order)
    return orders.response(orders.receipt(order, total, email.message, element_tree, sqlite3))
