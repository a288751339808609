import json

import requests  # not in the code folder nor in a layer


def handler(event, context):
    return requests.get("https://example.com").status_code
