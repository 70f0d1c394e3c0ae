"""The committed schema.graphql is the front-end teams' contract: it must match the code."""

from pathlib import Path

from graphql import GraphQLField, GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType

from schema.export import sdl
from schema.schema import schema

SDL_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_graphql_is_up_to_date() -> None:
    assert SDL_FILE.read_text(encoding="utf-8") == sdl(), (
        "schema.graphql is stale: run `.venv/bin/python -m schema.export > schema.graphql`"
    )


def test_every_type_and_field_has_a_description() -> None:
    missing = []
    for name, gql_type in schema._schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID"}:
            continue
        if not gql_type.description:
            missing.append(name)
        if isinstance(gql_type, GraphQLObjectType | GraphQLInterfaceType):
            fields: dict[str, GraphQLField] = gql_type.fields
            missing += [f"{name}.{f}" for f, field in fields.items() if not field.description]
            missing += [
                f"{name}.{f}({a})"
                for f, field in fields.items()
                for a, arg in field.args.items()
                if not arg.description and not name.startswith("__")
            ]
        if isinstance(gql_type, GraphQLInputObjectType):
            missing += [
                f"{name}.{f}" for f, field in gql_type.fields.items() if not field.description
            ]
    assert missing == []
