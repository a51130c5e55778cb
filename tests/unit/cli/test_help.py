"""Every command and subcommand has --help (exit 0, usage on stdout); wrong usage exits 2."""

from __future__ import annotations

import pytest

from chatapp import cli
from tests.unit.cli.conftest import Run

COMMANDS = [["ask"], ["chat"], ["models"], ["models", "list"], ["models", "pull"],
            ["models", "rm"], ["serve"], ["export"], ["import"], ["search"], ["list"]]


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_help_of_each_command(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([*argv, "--help"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"usage: chatapp {' '.join(argv)} ") and err == ""


def test_the_commands_are_listed_and_usage_errors_exit_2(
        chatapp: Run, capsys: pytest.CaptureFixture[str]) -> None:
    done = chatapp("--help")  # the window's own options, and the commands
    assert done.returncode == 0 and "chatapp ask QUESTION; chatapp chat;" in done.stdout
    listed = chatapp("models", "--help")
    assert "    pull      download a model from Hugging Face" in listed.stdout
    for argv in (["models"], ["models", "pull", "only-a-repo"], ["ask", "--chat", "x"],
                 ["serve", "--port", "many"]):
        assert cli.main(argv) == 2
        assert "usage: chatapp" in capsys.readouterr().err
