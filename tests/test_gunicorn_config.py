"""deploy/gunicorn.conf.py as gunicorn itself reads it."""

from pathlib import Path

from gunicorn.config import Config

CONFIG = Path(__file__).resolve().parent.parent / "deploy" / "gunicorn.conf.py"


def _load() -> Config:
    config = Config()
    namespace: dict = {}
    exec(compile(CONFIG.read_text(), str(CONFIG), "exec"), namespace)  # noqa: S102
    for name, value in namespace.items():
        if name in config.settings:
            config.set(name, value)
    return config


def test_no_control_socket_is_shared_by_instances_on_one_host():
    assert _load().control_socket_disable is True


def test_it_serves_the_portal_behind_a_local_proxy():
    config = _load()
    assert config.wsgi_app == "cms.wsgi:application"
    assert config.bind == ["127.0.0.1:8000"]
