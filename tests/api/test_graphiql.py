"""GraphiQL works with no way out to the internet: every asset it loads is minqing's own."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from graphql import OperationDefinitionNode, parse, validate

from api.graphiql import ASSETS, CACHE_FOREVER, graphiql_html
from api.graphiql_examples import EXAMPLE_DOCUMENT, EXAMPLE_VARIABLES
from permissions.enums import Role
from schema.limits import MAX_TOKENS
from schema.schema import schema
from tests.support.apps import PRODUCTION, app_with
from tests.support.factories import user_with_role
from tests.support.graphql import GraphQLClient

PAGE = "http://testserver/graphql"


class References(HTMLParser):
    """The ``src`` and ``href`` of every element of a page, and its title."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


async def page(client: httpx.AsyncClient, token: str | None = None) -> httpx.Response:
    headers = {"Accept": "text/html"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return await client.get("/graphql", headers=headers)


def references(html: str) -> References:
    parser = References()
    parser.feed(html)
    return parser


async def test_the_page_loads_nothing_from_another_host_and_every_asset_answers(
    gql: GraphQLClient,
) -> None:
    # given: the GraphiQL page
    response = await page(gql.http)
    assert response.status_code == 200
    refs = references(response.text)
    assert refs.title == "minqing"

    # then: it refers to no other host (no http(s) URL at all, no CDN)
    assert not re.search(r"https?://", response.text.split("<script>\n")[0])
    external = [url for url in refs.urls if urlsplit(urljoin(PAGE, url)).netloc != "testserver"]
    assert external == ["data:,"]  # the empty favicon, so no request for /favicon.ico
    assets = [url for url in refs.urls if not url.startswith("data:")]
    assert assets == [
        "/graphql/static/graphiql-3.8.3/graphiql.min.css",
        "/graphql/static/plugin-explorer-1.0.2/style.css",
        "/graphql/static/react-18.2.0/react.production.min.js",
        "/graphql/static/react-dom-18.2.0/react-dom.production.min.js",
        "/graphql/static/graphiql-3.8.3/graphiql.min.js",
        "/graphql/static/plugin-explorer-1.0.2/index.umd.js",
    ]

    # and every asset answers 200, with its type, cached for a year, gzipped, byte for byte
    for url in assets:
        asset = await gql.http.get(url, headers={"Accept-Encoding": "gzip"})
        assert asset.status_code == 200, url
        kind = "text/css" if url.endswith(".css") else "text/javascript"
        assert asset.headers["content-type"] == f"{kind}; charset=utf-8"
        assert (
            asset.headers["cache-control"] == CACHE_FOREVER == "public, max-age=31536000, immutable"
        )
        assert asset.content == (ASSETS / url.removeprefix("/graphql/static/")).read_bytes()
    big = await gql.http.get(assets[4], headers={"Accept-Encoding": "gzip"})
    assert big.headers["content-encoding"] == "gzip"


async def test_a_missing_asset_is_404_and_nothing_outside_the_folder_is_served(
    gql: GraphQLClient,
) -> None:
    assert (await gql.http.get("/graphql/static/graphiql-9.9.9/graphiql.min.js")).status_code == 404
    assert (await gql.http.get("/graphql/static/../graphiql.py")).status_code == 404
    assert (await gql.http.get("/graphql/static/%2e%2e/graphiql.py")).status_code == 404


async def test_in_production_the_assets_are_public_and_the_page_is_for_admins(db: str) -> None:
    # given: production, an admin and an anonymous caller
    _, admin = await user_with_role(Role.ADMIN)
    async with app_with(db, **PRODUCTION) as client:
        # then: the page is the admin's alone, the static files (no data in them) anyone's
        assert (await page(client.http)).status_code == 404
        admin_page = await page(client.http, admin)
        assert admin_page.status_code == 200
        for url in references(admin_page.text).urls:
            if not url.startswith("data:"):
                assert (await client.http.get(url)).status_code == 200, url


async def test_without_graphiql_its_assets_are_not_served_either(db: str) -> None:
    async with app_with(db, MINQING_GRAPHIQL="false") as client:
        response = await client.http.get("/graphql/static/react-18.2.0/react.production.min.js")
    assert response.status_code == 404


def test_the_vendored_files_are_the_ones_the_notice_lists() -> None:
    # given: the NOTICE's table of files and their sha256
    notice = (ASSETS / "NOTICE.md").read_text(encoding="utf-8")
    listed = dict(
        re.findall(r"^\| `([\w.-]+/[\w.-]+)` \| [^|]+ \| `([0-9a-f]{64})` \|$", notice, re.M)
    )

    # then: every file served is listed with its true sha256, and has its licence beside it
    served = {
        str(path.relative_to(ASSETS)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in ASSETS.glob("*/*")
        if path.suffix in (".js", ".css")
    }
    assert served == listed
    for folder in {path.split("/")[0] for path in served}:
        assert (ASSETS / folder / "LICENSE").is_file(), folder
    assert sum(path.stat().st_size for path in ASSETS.rglob("*")) < 5_000_000


def test_every_example_operation_validates_and_the_document_fits_the_token_limit() -> None:
    # GraphiQL sends the whole document with every run: it must pass the token limit too.
    document = parse(EXAMPLE_DOCUMENT, max_tokens=MAX_TOKENS)
    assert validate(schema._schema, document) == []
    names = [
        definition.name.value
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode) and definition.name
    ]
    # the case loop, step by step, and its figures
    loop = ["SubmitCase", "AcceptCase", "DispatchCase", "SignForCase", "ResolveCase"]
    loop += ["VerifyCase", "ReplyToReporter", "RateCase", "CaseFigures"]
    assert names[names.index("SubmitCase") :][: len(loop)] == loop
    assert names[:3] == ["Login", "Me", "CreateCaseCategory"]


def test_the_sample_variables_are_exactly_those_the_operations_declare() -> None:
    # given: the variables each operation declares
    document = parse(EXAMPLE_DOCUMENT)
    declared = {
        variable.variable.name.value
        for operation in document.definitions
        if isinstance(operation, OperationDefinitionNode)
        for variable in operation.variable_definitions or ()
    }
    # then: the Variables tab has a value for each, and no value goes unused
    assert declared == set(EXAMPLE_VARIABLES)


async def test_the_page_carries_the_examples_safely_inside_its_script(gql: GraphQLClient) -> None:
    html = (await page(gql.http)).text
    literal = re.search(r"const EXAMPLE_DOCUMENT = (.*);\n", html)
    assert literal is not None
    assert json.loads(literal.group(1)) == EXAMPLE_DOCUMENT
    assert "</script>" not in literal.group(1)


@pytest.mark.parametrize("root_path", ["", "/minqing"])
def test_the_asset_urls_follow_the_root_path(root_path: str) -> None:
    urls = [url for url in references(graphiql_html(root_path)).urls if not url.startswith("data:")]
    assert all(url.startswith(f"{root_path}/graphql/static/") for url in urls)
