"""The document GraphiQL opens on, and the variables that run it against a fresh demo.

Each operation validates against the schema, and the whole document stays under the token
limit (GraphiQL sends all of it with every run): tests check both.
"""

from __future__ import annotations

import json

EXAMPLE_DOCUMENT = """\
# minqing 民情 — example operations. Pick one with the ▶ button.
# Log in, then put the token in the Headers tab: {"Authorization": "Bearer mqs_…"}.
# The Variables tab holds sample values that fit a fresh demo (`minqing demo`).
# Every list is a connection (first/last ≤ 100); extensions.cost shows what a query costs.

# Demo logins, password minqing-demo: admin, cadre, gridworker, microworker, resident, responder.
mutation Login {
  login(input: {login: "gridworker", password: "minqing-demo"}) {
    __typename
    ... on LoggedIn { token expiresAt }
    ... on Error { code message }
  }
}

query Me {
  me { username roleAssignments { role } }
}

# The case loop 收件 → 派件 → 办理 → 反馈 → 评价, each step as the login named.
# A fresh demo holds one case in every state; Case:1 (楼道灯坏了, the `caseId` of the
# Variables tab) is still submitted: walk it round the loop from AcceptCase to RateCase.

# as admin: add a category (the demo seeds eight; CaseCategory:1 is 公共设施)
mutation CreateCaseCategory {
  createCaseCategory(input: {name: "违法建设"}) {
    __typename
    ... on CaseCategoryCreated { category { id name } }
    ...Failure
  }
}

# as resident (variables: placeId): a new case, next to the demo's
mutation SubmitCase($placeId: ID!) {
  submitCase(input: {title: "单元门关不上", description: "1栋单元门闭门器坏了，门一直敞着",
      channel: ONLINE, placeId: $placeId}) {
    __typename
    ... on CaseSubmitted { case { ...CaseStep } }
    ...Failure
  }
}

# as gridworker (caseId, categoryId)
mutation AcceptCase($caseId: ID!, $categoryId: ID) {
  acceptCase(input: {caseId: $caseId, caseClass: COORDINATION, categoryId: $categoryId}) { __typename ...Step ...Failure }
}

# as gridworker (caseId, departmentId: 城市管理局)
mutation DispatchCase($caseId: ID!, $departmentId: ID!) {
  dispatchCase(input: {caseId: $caseId, targets: [{departmentId: $departmentId}]}) { __typename ...Step ...Failure }
}

# as responder (caseId)
mutation SignForCase($caseId: ID!) {
  signForCase(input: {caseId: $caseId}) { __typename ...Step ...Failure }
}

# as responder (caseId)
mutation ResolveCase($caseId: ID!) {
  resolveCase(input: {caseId: $caseId, result: "已更换灯泡"}) { __typename ...Step ...Failure }
}

# as microworker (caseId)
mutation VerifyCase($caseId: ID!) {
  verifyCase(input: {caseId: $caseId, passed: true}) { __typename ...Step ...Failure }
}

# as gridworker (caseId)
mutation ReplyToReporter($caseId: ID!) {
  replyToReporter(input: {caseId: $caseId, text: "楼道灯已修好"}) { __typename ...Step ...Failure }
}

# as resident (caseId)
mutation RateCase($caseId: ID!) {
  rateCase(input: {caseId: $caseId, score: 5, comment: "满意"}) { __typename ...Step ...Failure }
}

# as cadre or admin (communityId: 振兴路社区)
query CaseFigures($communityId: ID!) {
  caseFigures(placeId: $communityId, groupBy: CHILD_PLACE) {
    key received resolved closed overdue disposalRate onTimeRate satisfactionRate
  }
}

query Cases {
  cases(first: 20) {
    totalCount
    nodes { title state place { name } timeline { nodes { action role createdAt } } }
  }
}

fragment CaseStep on Case { id state version deadline { handleDueAt } }

fragment Step on CaseUpdated { case { ...CaseStep } }

fragment Failure on Error { code message }

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

# (communityId)
query Subtree($communityId: ID!) {
  grids(subtreeOf: $communityId, first: 50) {
    nodes { name level depth parent { name } }
  }
}

# (placeId)
query History($placeId: ID!) {
  node(id: $placeId) {
    ... on Grid {
      name
      history(first: 20) { nodes { kind before after createdAt } }
    }
  }
}

query Stations {
  stations(first: 20) { nodes { name kind address openingHours closedAt grid { name } } }
}

# a grid's public board: its grid worker and the "3+X" (placeId's grid: 第一网格)
query GridTeam($placeId: ID!) {
  node(id: $placeId) {
    ... on Grid {
      ancestorAt(level: GRID) {
        name
        team { nodes { post workerName workerPhone } }
        stations { nodes { name kind } }
      }
    }
  }
}

# as cadre or admin (communityId: 振兴路社区); closeStation(input: {id}) closes one, kept
mutation CreateStation($communityId: ID!) {
  createStation(input: {placeId: $communityId, name: "振兴路社区民生驿站", kind: LIVELIHOOD,
      address: "振兴路90号", openingHours: "每天 8:00-20:00"}) {
    __typename
    ... on StationCreated { station { id name kind grid { name } } }
    ...Failure
  }
}

# as admin or cadre (parentId: 振兴花园)
mutation CreateGrid($parentId: ID) {
  createGrid(input: {name: "第五网格", level: GRID, parentId: $parentId}) {
    __typename
    ... on GridCreated { grid { id name depth } }
    ... on Error { code message }
    ... on ValidationFailed { fieldErrors { field code message } }
  }
}
"""

# Global ids are base64("Type:pk"): these are the demo's rows (and its first new case).
EXAMPLE_VARIABLES = {
    "placeId": "R3JpZDo1",  # Grid:5, 振兴路社区 › 振兴花园 › 第一网格 › 1栋
    "caseId": "Q2FzZTox",  # Case:1, the demo's submitted case (楼道灯坏了)
    "categoryId": "Q2FzZUNhdGVnb3J5OjE=",  # CaseCategory:1, 公共设施
    "departmentId": "RGVwYXJ0bWVudDox",  # Department:1, 城市管理局
    "communityId": "R3JpZDoy",  # Grid:2, 振兴路社区
    "parentId": "R3JpZDoz",  # Grid:3, 振兴花园
}

EXAMPLE_VARIABLES_JSON = json.dumps(EXAMPLE_VARIABLES, ensure_ascii=False, indent=2)
