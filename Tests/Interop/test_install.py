"""scripts/install puts the binary, its completions and its manual page under a prefix (here with the already
built binary, so the test does not make a release build)."""
from __future__ import annotations

import os
import subprocess

from serve_process import PACKAGE_ROOT, binary_path


def test_install_lays_out_the_prefix(tmp_path):
    prefix = tmp_path / "prefix"
    environment = os.environ | {"SSM_CONSOLE_BINARY": str(binary_path())}
    completed = subprocess.run(["bash", str(PACKAGE_ROOT / "scripts" / "install"), str(prefix)], env=environment,
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    binary = prefix / "bin" / "ssm-console"
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=30).stdout
    assert f"Installed {version.strip()} in {prefix}" in completed.stdout
    files = {
        "share/bash-completion/completions/ssm-console": ["completion", "bash"],
        "share/zsh/site-functions/_ssm-console": ["completion", "zsh"],
        "share/fish/vendor_completions.d/ssm-console.fish": ["completion", "fish"],
        "share/man/man1/ssm-console.1": ["man"],
    }
    for path, arguments in files.items():
        expected = subprocess.run([str(binary), *arguments], capture_output=True, text=True, timeout=30).stdout
        assert (prefix / path).read_text() == expected and expected
    # bash-completion's loader finds the script by the command's name under share/bash-completion/completions.
    loaded = subprocess.run(
        ["bash", "-c", f'source "{prefix}/share/bash-completion/completions/ssm-console" && complete -p ssm-console'],
        capture_output=True, text=True, timeout=30)
    assert loaded.stdout.strip() == "complete -F _ssm_console ssm-console"
    man = subprocess.run(["man", "-w", "ssm-console"], env={"MANPATH": str(prefix / "share" / "man"), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, timeout=30)
    assert man.stdout.strip() == str(prefix / "share/man/man1/ssm-console.1")


def test_install_refuses_a_bad_prefix():
    completed = subprocess.run(["bash", str(PACKAGE_ROOT / "scripts" / "install"), "--help"], capture_output=True,
                               text=True, timeout=30)
    assert completed.returncode == 2 and "usage: scripts/install [PREFIX]" in completed.stderr
