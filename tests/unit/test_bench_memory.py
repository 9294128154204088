import sys

from bench.memory import run_measured, tree_rss_mb

_ALLOCATE = "import time; block = bytearray(80 * 1024 * 1024); time.sleep(0.4)"


def test_a_child_allocating_80_mb_is_measured_in_the_tree_and_in_ru_maxrss():
    measured = run_measured([sys.executable, "-c", _ALLOCATE])
    assert measured.returncode == 0
    assert measured.peak_tree_mb > 80
    assert measured.maxrss_mb > 80
    assert measured.wall_seconds >= 0.4


def test_grandchildren_count_in_the_tree():
    nested = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {_ALLOCATE!r}])"
    measured = run_measured([sys.executable, "-c", nested])
    assert measured.peak_tree_mb > 80


def test_a_failed_command_keeps_its_exit_code_and_output():
    measured = run_measured([sys.executable, "-c", "import sys; print('boom'); sys.exit(3)"])
    assert measured.returncode == 3 and measured.stdout.strip() == "boom"


def test_gone_process_has_no_memory():
    assert tree_rss_mb(2**22 + 12345) == 0.0
