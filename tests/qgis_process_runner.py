"""Runs ``qgis_process.bin`` as a separate process with the plugin on its plugin path,
in a throw-away QGIS profile (HOME), as a batch user would."""
import json
import os
import subprocess

from _pkg import plugin_parent

QGIS_PROCESS = "/usr/bin/qgis_process.bin"

class QgisProcess:
    def __init__(self, home):
        self.env = dict(os.environ)
        self.env.update(
            HOME=str(home),
            XDG_RUNTIME_DIR=str(home / "runtime"),
            QT_QPA_PLATFORM="offscreen",
            QGIS_PLUGINPATH=str(plugin_parent()),
        )
        (home / "runtime").mkdir(mode=0o700, exist_ok=True)

    def __call__(self, *args, check=True, timeout=600):
        proc = subprocess.run(
            [QGIS_PROCESS, *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if check and proc.returncode != 0:
            raise AssertionError(
                f"qgis_process {' '.join(args)} exited {proc.returncode}\n"
                f"stdout:\n{proc.stdout[-4000:]}\nstderr:\n{proc.stderr[-4000:]}"
            )
        return proc

    def run_json(self, alg_id, params, check=True):
        """``run ALG --json -- KEY=VALUE ...``; a list value repeats the key."""
        args = ["--json", "run", alg_id, "--"]
        for key, value in params.items():
            values = value if isinstance(value, (list, tuple)) else [value]
            args += [f"{key}={v}" for v in values]
        proc = self(*args, check=check)
        if not check and proc.returncode != 0:
            return proc, None
        start = proc.stdout.find("{")
        return proc, json.loads(proc.stdout[start:])
