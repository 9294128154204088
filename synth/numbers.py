"""Vietnamese number formatting: '.' groups thousands, ',' marks decimals."""

from __future__ import annotations

__all__ = ["vn_number"]


def vn_number(value: float, decimals: int = 0, *, pad: int = 0) -> str:
    """Return `value` written the Vietnamese way, e.g. 1234.5 -> '1.234,5'.

    `decimals` fixes the digits after the comma; `pad` zero-pads the integer part
    ("02" for 2 with pad=2), as documents write small counts.

    >>> vn_number(630370.27, 2)
    '630.370,27'
    >>> vn_number(2, pad=2)
    '02'
    """
    if value < 0:
        return "-" + vn_number(-value, decimals, pad=pad)
    text = f"{value:.{decimals}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.zfill(pad)
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups)
    return f"{result},{fraction}" if fraction else result
