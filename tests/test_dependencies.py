"""The locks (requirements.txt, requirements-dev.txt) hold exactly what pyproject.toml pins, and
every package they bring with its hashes: a dependency added, removed or re-pinned in
pyproject.toml without `make lock` fails here. Read offline, from the files."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
RUNTIME = [Requirement(line) for line in PROJECT["dependencies"]]
DEV = [Requirement(line) for line in PROJECT["optional-dependencies"]["dev"]]


def locked(name):
    """{package: (version, number of hashes, whether pyproject.toml asks for it)} of a lock file."""
    packages = {}
    blocks = re.split(r"^(?=[A-Za-z0-9])", (ROOT / name).read_text(), flags=re.M)
    for block in blocks:
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)", block)
        if match:
            package, version = match.groups()
            packages[canonicalize_name(package)] = (version, block.count("--hash=sha256:"), "(pyproject.toml)" in block)
    return packages


@pytest.mark.parametrize(("lock", "declared"), [("requirements.txt", RUNTIME), ("requirements-dev.txt", RUNTIME + DEV)])
def test_the_lock_pins_what_pyproject_declares(lock, declared):
    packages = locked(lock)
    assert len(declared) >= 16
    for requirement in declared:
        name = canonicalize_name(requirement.name)
        assert name in packages, f"{requirement} is not in {lock}: run `make lock`"
        assert requirement.specifier.contains(packages[name][0]), f"{lock} has {name} {packages[name][0]}: `make lock`"


@pytest.mark.parametrize("lock", ["requirements.txt", "requirements-dev.txt"])
def test_every_locked_package_has_its_hashes(lock):
    packages = locked(lock)
    assert len(packages) > 20
    assert [name for name, (_version, hashes, _direct) in packages.items() if not hashes] == []


@pytest.mark.parametrize(("lock", "declared"), [("requirements.txt", RUNTIME), ("requirements-dev.txt", RUNTIME + DEV)])
def test_the_lock_asks_for_nothing_pyproject_no_longer_declares(lock, declared):
    direct = {name for name, (_version, _hashes, is_direct) in locked(lock).items() if is_direct}
    assert direct == {canonicalize_name(requirement.name) for requirement in declared}


def test_the_tools_run_on_the_servers_versions():
    runtime, dev = locked("requirements.txt"), locked("requirements-dev.txt")
    assert {name: dev[name][0] for name in runtime} == {name: version for name, (version, *_rest) in runtime.items()}
