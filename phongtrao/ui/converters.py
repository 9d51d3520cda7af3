"""Ids in page addresses: a positive number the database can hold. An id too large for
a database integer would otherwise reach the query and fail there (SQLite cannot even
bind it); such an address is simply not found."""


class IdConverter:
    regex = "[1-9][0-9]{0,17}"  # below 2**63 − 1, the largest id of a BigAutoField

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
