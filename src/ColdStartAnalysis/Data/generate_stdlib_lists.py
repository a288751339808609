"""Writes stdlib-3.X.txt (one top-level module name a line) for every pyenv CPython 3.8+ found.

Run with any Python 3: python3 generate_stdlib_lists.py [PYENV_ROOT]
3.10+ report sys.stdlib_module_names; 3.8/3.9 lack it, so the list is built from the Lib
directory (packages and .py files), lib-dynload extension modules, sys.builtin_module_names and the frozen importlib modules.
"""
import glob
import os
import subprocess
import sys

PROBE = r'''
import os, sys, sysconfig
if hasattr(sys, "stdlib_module_names"):
    names = set(sys.stdlib_module_names)
else:
    # frozen modules are in neither list before 3.10
    names = set(sys.builtin_module_names) | {"_frozen_importlib", "_frozen_importlib_external", "zipimport"}
    lib = sysconfig.get_paths()["stdlib"]
    for entry in os.listdir(lib):
        path = os.path.join(lib, entry)
        if entry in ("site-packages", "test", "__pycache__") or entry.startswith("."):
            continue
        if entry.endswith(".py"):
            names.add(entry[:-3])
        elif os.path.isdir(path) and os.path.exists(os.path.join(path, "__init__.py")):
            names.add(entry)
    dynload = os.path.join(lib, "lib-dynload")
    if os.path.isdir(dynload):
        for entry in os.listdir(dynload):
            if entry.endswith(".so"):
                names.add(entry.split(".")[0])
names = sorted(n for n in names if n.isidentifier())
print("\n".join(names))
'''


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser("~/.pyenv")
    here = os.path.dirname(os.path.abspath(__file__))
    for exe in sorted(glob.glob(os.path.join(root, "versions", "3.*", "bin", "python3.*"))):
        base = os.path.basename(exe)
        minor = base[len("python"):]
        if not minor.replace(".", "").isdigit() or int(minor.split(".")[1]) < 8:
            continue
        out = subprocess.run([exe, "-I", "-c", PROBE], check=True, capture_output=True, text=True).stdout
        with open(os.path.join(here, "stdlib-%s.txt" % minor), "w") as f:
            f.write(out)
        print("stdlib-%s.txt: %d names" % (minor, len(out.split())))


if __name__ == "__main__":
    main()
