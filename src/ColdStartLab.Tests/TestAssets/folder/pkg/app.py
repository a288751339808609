import decimal


def handler(event, context):
    import fractions
    return str(fractions.Fraction(1, 3) + decimal.Decimal(0).as_integer_ratio()[0])
