"""GraphiQL, the admins' console, opened on a document of example operations."""

from __future__ import annotations

import json
import re
from functools import cache

from strawberry.http.ides import get_graphql_ide_html

# Each operation validates against the schema (a test checks): the lead adds an area's
# examples here as it lands.
EXAMPLE_DOCUMENT = """\
# minqing 民情 — example operations. Pick one with the ▶ button.
# Authenticate in the Headers tab: {"Authorization": "Bearer <session or API token>"}.
# Every list is a connection (first/last ≤ 100); extensions.cost shows what a query costs.

mutation Login {
  login(input: {login: "gridworker", password: "minqing-demo"}) {
    __typename
    ... on LoggedIn { token expiresAt }
  }
}

query Me {
  me { username roleAssignments { role } }
}

query People {
  persons(first: 20) {
    totalCount
    nodes { name phone keyGroups household { door } grid { name } }
  }
}

query PartyMembers {
  partyMembers(dualRegistered: true, first: 20) {
    nodes { workplaceOrganisation person { name } branch { name } }
  }
}

query PublicNeeds {
  publicNeeds(first: 20) { nodes { id } }
}

query Places {
  grids(level: GRID, first: 20) {
    totalCount
    nodes { id name level ancestors { name } }
    pageInfo { hasNextPage endCursor }
  }
}

query Subtree($id: ID!) {
  grids(subtreeOf: $id, first: 50) {
    nodes { name level depth parent { name } }
  }
}

query History($id: ID!) {
  node(id: $id) {
    ... on Grid {
      name
      history(first: 20) { nodes { kind before after createdAt } }
    }
  }
}

query Stations {
  stations(first: 20) { nodes { name kind address openingHours grid { name } } }
}

mutation CreateGrid($parentId: ID) {
  createGrid(input: {name: "第二网格", level: GRID, parentId: $parentId}) {
    __typename
    ... on GridCreated { grid { id name depth } }
    ... on Error { code message }
    ... on ValidationFailed { fieldErrors { field code message } }
  }
}
"""

_EXAMPLE_QUERY = re.compile(r"const EXAMPLE_QUERY = `.*?`;", re.DOTALL)


@cache
def graphiql_html() -> str:
    """Strawberry's GraphiQL page with ``EXAMPLE_DOCUMENT`` as its default document."""
    html = get_graphql_ide_html("graphiql")
    replacement = f"const EXAMPLE_QUERY = {json.dumps(EXAMPLE_DOCUMENT)};"
    patched, count = _EXAMPLE_QUERY.subn(lambda _: replacement, html, count=1)
    if count != 1:  # pragma: no cover - a strawberry upgrade changed the page
        raise RuntimeError("GraphiQL page has no EXAMPLE_QUERY to replace")
    return patched
