"""Tortoise models. ``MODEL_MODULES`` is the one list of modules Tortoise loads."""

MODEL_MODULES: tuple[str, ...] = (
    "models.grid",
    "models.people",
    "models.org",
    "models.auth",
    "models.auth_policy",
    "models.calendar",
    "models.lists",
    "models.patrols",
    "models.meetings",
    "models.volunteering",
    "models.cases",
    "models.case_records",
    "models.case_figures",
)
