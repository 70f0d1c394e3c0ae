"""Model descriptions become SQL comments; the migration runner splits statements on ';'."""

from tortoise import Tortoise


async def test_no_model_description_contains_a_semicolon(db: str) -> None:
    offenders = []
    for model in Tortoise.apps["models"].values():
        texts = [model._meta.table_description or ""]
        texts += [f.description or "" for f in model._meta.fields_map.values()]
        offenders += [f"{model.__name__}: {t}" for t in texts if ";" in t]
    assert offenders == []
