"""Unicode normalisation applied to every text before anything else reads it."""

from __future__ import annotations

import unicodedata

# The Icelandic eth looks like the Vietnamese d-with-stroke and is a common typing slip.
_ETH_TO_D_STROKE = str.maketrans({"ð": "đ", "Ð": "Đ"})


def normalize_unicode(text: str) -> str:
    """Return `text` in NFC with the eth look-alikes replaced by `đ`/`Đ`.

    >>> normalize_unicode("ðảng") == "đảng"
    True
    """
    return unicodedata.normalize("NFC", text).translate(_ETH_TO_D_STROKE)
