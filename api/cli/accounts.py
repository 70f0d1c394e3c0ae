"""``minqing create-admin`` and ``minqing token create|list|revoke``: the admin's first steps
before GraphiQL, and partner tokens from a shell."""

from __future__ import annotations

import sys
from datetime import timedelta
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from permissions.enums import Resource, Role

console = Console()
token_app = typer.Typer(help="Partner apps' API tokens.", no_args_is_help=True)

DatabaseOption = Annotated[
    str | None, typer.Option("--database-url", help="Overrides MINQING_DATABASE_URL.")
]


def _run(database_url: str | None, body: Any) -> Any:
    from api.cli import run_with_db

    return run_with_db(database_url, body)


def _fail(message: str) -> typer.Exit:
    console.print(f"[red]{message}[/red]")
    return typer.Exit(code=1)


def _read_password(password: str | None) -> str:
    """``--password``, else one line of a piped stdin, else a hidden prompt asked twice."""
    if password is not None:
        return password
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    entered: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return entered


def create_admin(
    username: Annotated[str, typer.Argument(help="Login name of the new admin.")],
    password: Annotated[
        str | None,
        typer.Option(help="The password; omitted: read from piped stdin or prompted for."),
    ] = None,
    phone: Annotated[str | None, typer.Option(help="Login phone number.")] = None,
    database_url: DatabaseOption = None,
) -> None:
    """Create an account holding the admin role everywhere (audited, like every admin change)."""
    from domain.accounts import create_user
    from domain.errors import DomainError
    from domain.roles import assign_role

    secret = _read_password(password)

    async def body() -> int:
        user = await create_user(username=username, password=secret, phone=phone)
        await assign_role(role=Role.ADMIN, user=user, everywhere=True)
        return user.id

    try:
        user_id = _run(database_url, body)
    except DomainError as exc:
        raise _fail(exc.message) from None
    console.print(f"[green]Admin {username!r} created[/green] (user {user_id}).")


def _parse_grant(text: str) -> tuple[Role, str]:
    """``ROLE@PLACE``: a role value and a grid id or ``dept:<id>``."""
    role_text, sep, place = text.partition("@")
    try:
        role = Role(role_text)
    except ValueError:
        raise typer.BadParameter(
            f"{role_text!r} is not a role ({', '.join(r.value for r in Role)})"
        ) from None
    if not sep or not (place.isdigit() or (place.startswith("dept:") and place[5:].isdigit())):
        raise typer.BadParameter(f"{text!r}: write ROLE@GRID_ID or ROLE@dept:DEPARTMENT_ID")
    return role, place


def _parse_scopes(values: list[str]) -> list[Resource]:
    try:
        return [Resource(v) for v in values]
    except ValueError as exc:
        raise typer.BadParameter(f"{exc}; areas: {', '.join(r.value for r in Resource)}") from None


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Argument(help="What the token is for, unique.")],
    grant: Annotated[
        list[str],
        typer.Option(help="ROLE@GRID_ID or ROLE@dept:ID it acts as; repeat for several."),
    ],
    read: Annotated[list[str] | None, typer.Option(help="An area it may read; repeat.")] = None,
    write: Annotated[list[str] | None, typer.Option(help="An area it may change; repeat.")] = None,
    days: Annotated[int, typer.Option(help="Days until it expires (at most 366).")] = 90,
    database_url: DatabaseOption = None,
) -> None:
    """Create a token and print its secret, which is shown this once and never again."""
    from domain.api_tokens import TokenGrant, create_api_token
    from domain.clock import moment as now
    from domain.errors import DomainError, NotFoundError
    from models.grid import GridNode
    from models.org import Department

    grants = [_parse_grant(g) for g in grant]
    read_scopes, write_scopes = _parse_scopes(read or []), _parse_scopes(write or [])

    async def body() -> tuple[Any, str]:
        resolved = []
        for role, place in grants:
            if place.startswith("dept:"):
                department = await Department.get_or_none(id=int(place[5:]))
                if department is None:
                    raise NotFoundError("Department", place)
                resolved.append(TokenGrant(role=role, department=department))
            else:
                grid = await GridNode.get_or_none(id=int(place))
                if grid is None:
                    raise NotFoundError("Grid", place)
                resolved.append(TokenGrant(role=role, grid=grid))
        return await create_api_token(
            name=name,
            grants=resolved,
            read_scopes=read_scopes,
            write_scopes=write_scopes,
            expires_at=now() + timedelta(days=days),
        )

    try:
        token, secret = _run(database_url, body)
    except DomainError as exc:
        raise _fail(exc.message) from None
    console.print(
        f"[green]Token {token.id} {name!r} created[/green], expires {token.expires_at:%Y-%m-%d}."
    )
    console.print("Secret (shown once, store it now):")
    print(secret)


@token_app.command("list")
def token_list(
    all_: Annotated[bool, typer.Option("--all", help="Also revoked tokens.")] = False,
    database_url: DatabaseOption = None,
) -> None:
    """Every live token (``--all``: revoked too) with its roles, scopes and last use."""
    from domain.api_tokens import is_live
    from models.auth import ApiToken, RoleAssignment
    from permissions.adapter import assignment_place

    async def body() -> list[tuple[ApiToken, list[str]]]:
        query = ApiToken.all() if all_ else ApiToken.filter(revoked_at__isnull=True)
        rows = []
        for token in await query.order_by("id"):
            assignments = await RoleAssignment.filter(token_id=token.id).select_related("grid")
            rows.append((token, [f"{a.role.value}@{assignment_place(a)}" for a in assignments]))
        return rows

    table = Table(title="API tokens")
    for column in (
        "id",
        "name",
        "prefix",
        "roles",
        "read",
        "write",
        "expires",
        "last used",
        "state",
    ):
        table.add_column(column)
    for token, roles in _run(database_url, body):
        state = "live" if is_live(token) else ("revoked" if token.revoked_at else "expired")
        table.add_row(
            str(token.id),
            token.name,
            token.prefix,
            "\n".join(roles),
            ", ".join(token.read_scopes),
            ", ".join(token.write_scopes),
            f"{token.expires_at:%Y-%m-%d}",
            f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never",
            state,
        )
    console.print(table)


@token_app.command("revoke")
def token_revoke(
    token_id: Annotated[int, typer.Argument(help="The token's id (see `minqing token list`).")],
    database_url: DatabaseOption = None,
) -> None:
    """Revoke a token: it stops working at once."""
    from domain.api_tokens import revoke_api_token
    from domain.errors import DomainError, NotFoundError
    from models.auth import ApiToken

    async def body() -> None:
        token = await ApiToken.get_or_none(id=token_id)
        if token is None:
            raise NotFoundError("ApiToken", token_id)
        await revoke_api_token(token=token)

    try:
        _run(database_url, body)
    except DomainError as exc:
        raise _fail(exc.message) from None
    console.print(f"[green]Token {token_id} revoked.[/green]")
