"""The verbs of the case loop: each is one transaction that writes exactly one ``CaseEvent``."""
