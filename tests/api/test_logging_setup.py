"""The log settings, and the access log's line without its query string."""

from __future__ import annotations

import logging

import pytest

from api.logging_setup import JsonFormatter, WithoutQueryString, logging_config
from api.settings import LogFormat, load_settings


def test_text_is_the_default_and_json_is_chosen_by_a_setting() -> None:
    text = load_settings({})
    json = load_settings({"MINQING_LOG_FORMAT": "json"})

    assert (text.log_format, json.log_format) == (LogFormat.TEXT, LogFormat.JSON)
    assert "format" in logging_config(text)["formatters"]["default"]
    assert logging_config(json)["formatters"]["default"] == {"()": JsonFormatter}


def test_an_unknown_log_format_is_refused() -> None:
    with pytest.raises(ValueError):
        load_settings({"MINQING_LOG_FORMAT": "xml"})


@pytest.mark.parametrize(
    ("value", "address"),
    [
        ("", None),
        ("127.0.0.1:9464", ("127.0.0.1", 9464)),
        (":9464", ("0.0.0.0", 9464)),
        ("[::1]:9464", ("::1", 9464)),
    ],
)
def test_the_metrics_address(value: str, address: tuple[str, int] | None) -> None:
    assert load_settings({"MINQING_METRICS_ADDRESS": value}).metrics_address == address


@pytest.mark.parametrize("value", ["9464", "localhost", "host:port"])
def test_a_metrics_address_without_a_port_is_refused(value: str) -> None:
    with pytest.raises(RuntimeError, match="MINQING_METRICS_ADDRESS"):
        load_settings({"MINQING_METRICS_ADDRESS": value})


def test_the_access_line_keeps_the_path_and_drops_the_query_string() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", '/graphql?query={login(password:"x")}', "1.1", 400),
        None,
    )

    assert WithoutQueryString().filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /graphql HTTP/1.1" 400'
