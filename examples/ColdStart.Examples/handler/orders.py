"""The work both variants do: parse an order, price it, render a receipt. Standard library only."""
import json
from decimal import Decimal, ROUND_HALF_UP


def price(order):
    total = sum(Decimal(str(line["price"])) * line["quantity"] for line in order.get("lines", []))
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def receipt(order, total, email_message, element_tree, sqlite3):
    with sqlite3.connect(":memory:") as db:
        db.execute("create table lines (sku text, quantity integer)")
        db.executemany("insert into lines values (?, ?)", [(l["sku"], l["quantity"]) for l in order.get("lines", [])])
        items = db.execute("select sum(quantity) from lines").fetchone()[0] or 0
    root = element_tree.Element("receipt", total=str(total), items=str(items))
    message = email_message.EmailMessage()
    message["Subject"] = f"Your order: {total}"
    message.set_content(element_tree.tostring(root, encoding="unicode"))
    return {"total": str(total), "items": items, "email": message.as_string()}


def response(body):
    return {"statusCode": 200, "headers": {"content-type": "application/json"}, "body": json.dumps(body)}
