"""``chatapp serve``: the API server without the window, asked by the real openai client."""

from __future__ import annotations

import signal
from pathlib import Path

import openai
import pytest

from tests.unit.cli.conftest import Run, signalled, start

KEY = "sk-test-" + "k" * 24


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_serves_the_model_with_a_key_until_told_to_stop(installed: Path,
                                                        how: signal.Signals) -> None:
    process = start("serve", "--port", "0", "--api-key-env", "CHATAPP_TEST_KEY",
                    env={"CHATAPP_TEST_KEY": KEY})
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().decode().strip()  # printed once it listens
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v1")
        client = openai.OpenAI(base_url=base_url, api_key=KEY, max_retries=0)
        [served] = client.models.list().data
        assert served.id == installed.stem
        reply = client.chat.completions.create(
            model=served.id, messages=[{"role": "user", "content": "Say hello."}],
            max_tokens=12)
        assert reply.choices[0].message.content
        with pytest.raises(openai.AuthenticationError):
            openai.OpenAI(base_url=base_url, api_key="sk-wrong-" + "x" * 24,
                          max_retries=0).models.list()
    finally:
        done = signalled(process, how, timeout=60)
    assert done.returncode == 0, done.stderr
    assert f"Serving {installed.name} at {base_url} (OpenAI-compatible), with an API key." \
        in done.stderr
    assert done.stderr.rstrip().endswith("Stopped.")


def test_a_missing_key_or_model_fails_with_the_reason(chatapp: Run, installed: Path) -> None:
    no_key = chatapp("serve", "--port", "0", "--api-key-env", "CHATAPP_NO_SUCH_VARIABLE")
    assert (no_key.returncode, no_key.stdout) == (1, "")
    assert no_key.stderr == \
        "chatapp: The environment variable CHATAPP_NO_SUCH_VARIABLE holds no API key.\n"
    no_model = chatapp("serve", "--port", "0", "--model", "nothing-like-it")
    assert no_model.returncode == 1 and "No installed model is named" in no_model.stderr
    bad_port = chatapp("serve", "--port", "70000")
    assert bad_port.returncode == 2 and "--port must be between 0 and 65535" in bad_port.stderr
