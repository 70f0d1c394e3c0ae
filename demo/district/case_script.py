"""The story of one generated case, before any row is written: the three years cases are
received in, the actions a case goes through if nothing stops it, how long each step takes,
who takes it and the channel it came in by. The states come from the workflow table
(domain/case_workflow.py); the rows from demo/district/case_rows.py."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from models.enums import CaseAction, CaseChannel, CaseClass

A = CaseAction

# Shanghai time, as the ORM stores it (so stored times compare as text on SQLite)
SHANGHAI = timezone(timedelta(hours=8))
START = datetime(2024, 1, 1, tzinfo=SHANGHAI)
UNTIL = datetime(2026, 11, 21, tzinfo=SHANGHAI)
ACCEPT_HOURS = 24
HANDLE_DAYS = 5

ROLE = {
    A.SUBMIT: "resident",
    A.ACCEPT: "grid_worker",
    A.REJECT: "grid_worker",
    A.MERGE: "grid_worker",
    A.RESOLVE: "grid_worker",
    A.DISPATCH: "community_cadre",
    A.VERIFY_PASS: "community_cadre",
    A.VERIFY_FAIL: "community_cadre",
    A.REPLY: "community_cadre",
    A.SIGN: "department_responder",
    A.RETURN_CASE: "department_responder",
    A.RATE_SATISFIED: "reporter",
    A.RATE_UNSATISFIED: "reporter",
    A.COMMENT: "community_cadre",
    A.AUTO_CLOSE: "system",
    A.MARK_OVERDUE: "system",
}
# How often each channel is used; a channel added later without a weight is used rarely.
_CHANNEL_SHARE = {
    CaseChannel.STATION: 20,
    CaseChannel.WECHAT_GROUP: 15,
    CaseChannel.HOTLINE: 10,
    CaseChannel.MAILBOX: 3,
    CaseChannel.PATROL: 20,
    CaseChannel.HOME_VISIT: 10,
    CaseChannel.HOTLINE_12345: 12,
    CaseChannel.PARTNER_APP: 2,
    CaseChannel.ONLINE: 8,
}
CHANNELS = list(CaseChannel)
CHANNEL_WEIGHTS = [_CHANNEL_SHARE.get(channel, 1) for channel in CHANNELS]

# Mean hours from one step to the next, by the action that takes it
_GAP_HOURS = {
    A.ACCEPT: 5.0,
    A.REJECT: 4.0,
    A.MERGE: 4.0,
    A.DISPATCH: 3.0,
    A.SIGN: 6.0,
    A.RETURN_CASE: 10.0,
    A.RESOLVE: 40.0,
    A.VERIFY_PASS: 8.0,
    A.VERIFY_FAIL: 8.0,
    A.REPLY: 6.0,
    A.RATE_SATISFIED: 30.0,
    A.RATE_UNSATISFIED: 30.0,
    A.COMMENT: 5.0,
}


def channel(rng: random.Random) -> CaseChannel:
    """The channel a case came in by."""
    return rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0]


def gap(rng: random.Random, action: A) -> timedelta:
    """How long after the previous step ``action`` is taken (auto-close: a week, the limit)."""
    waited = timedelta(hours=rng.expovariate(1 / _GAP_HOURS.get(action, 24.0)))
    return timedelta(days=7) if action is A.AUTO_CLOSE else waited


def script(rng: random.Random) -> tuple[CaseClass | None, list[A]]:
    """The actions a case will go through if nothing stops it, after its submission."""
    r = rng.random()
    if r < 0.03:
        return None, [A.REJECT]
    if r < 0.05:
        return None, [A.MERGE]
    r = rng.random()
    if r < 0.55:
        case_class, handling = CaseClass.GENERAL, [A.RESOLVE]
    elif r < 0.88:
        case_class, handling = CaseClass.COORDINATION, [A.DISPATCH, A.SIGN, A.RESOLVE]
        if rng.random() < 0.06:  # 退单: the department says it is not theirs
            handling = [A.DISPATCH, A.RETURN_CASE, *handling]
    else:  # 吹哨报到: a lead and a second department summoned
        case_class = CaseClass.EMERGENCY if rng.random() < 0.3 else CaseClass.COORDINATION
        handling = [A.DISPATCH, A.DISPATCH, A.SIGN, A.SIGN, A.RESOLVE]
    script = [A.ACCEPT, *handling]
    if rng.random() < 0.03:
        script += [A.VERIFY_FAIL, A.RESOLVE]
    script += [A.VERIFY_PASS, A.REPLY]
    r = rng.random()
    if r < 0.06:  # 重办: unsatisfied, handled again, then satisfied
        again = [A.RESOLVE] if case_class is CaseClass.GENERAL else [A.DISPATCH, A.SIGN, A.RESOLVE]
        script += [A.RATE_UNSATISFIED, *again, A.VERIFY_PASS, A.REPLY, A.RATE_SATISFIED]
    elif r < 0.14:
        script.append(A.AUTO_CLOSE)
    else:
        script.append(A.RATE_SATISFIED)
    if rng.random() < 0.1:
        script.insert(rng.randint(1, len(script) - 1), A.COMMENT)
    return case_class, script
