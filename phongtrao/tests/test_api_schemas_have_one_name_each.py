"""The OpenAPI document names each schema by its class name: two schemas of the same name
in two rooms are silently merged into one, and one of the two operations is then
documented with the other's fields (it happened: a registration's decision was documented
as a reward decision). Every schema the API uses has a name of its own."""

from collections import defaultdict

from ninja import Schema

import phongtrao.api  # noqa: F401 (loads every router and its schemas)


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def test_no_two_schemas_share_a_name():
    by_name = defaultdict(list)
    for schema in set(_subclasses(Schema)):
        if schema.__module__.startswith("phongtrao."):
            by_name[schema.__name__].append(schema.__module__)
    assert {name: places for name, places in by_name.items() if len(places) > 1} == {}
