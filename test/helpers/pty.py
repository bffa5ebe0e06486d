#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal of a given width and reports what it printed.

usage: pty.py COLUMNS TIMEOUT_SECONDS [RESIZE_TO AFTER_TEXT] -- COMMAND...

stdin, stdout and stderr of COMMAND are the terminal. With RESIZE_TO, the terminal is resized
to that many columns (and SIGWINCH sent) once AFTER_TEXT has appeared in the output. Prints
one JSON object: {"status": exit code, or null when COMMAND was still running at the timeout
and was killed, "output": the terminal output as latin-1 text (at most 1 MiB), "bytes": its
full length, "resized": whether the resize happened}.
"""
import fcntl
import json
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time

KEEP = 1 << 20


def set_columns(fd, columns):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, columns, 0, 0))


def main(argv):
    sep = argv.index('--')
    opts, command = argv[:sep], argv[sep + 1:]
    columns, timeout = int(opts[0]), float(opts[1])
    resize_to = int(opts[2]) if len(opts) > 2 else None
    after = opts[3].encode() if len(opts) > 3 else b''

    master, slave = os.openpty()
    # The size is set before the command starts: it never sees another one.
    set_columns(slave, columns)
    proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, start_new_session=True, close_fds=True)
    os.close(slave)

    out = bytearray()
    total = 0
    resized = False
    deadline = time.monotonic() + timeout
    status = None
    while True:
        ready, _, _ = select.select([master], [], [], 0.05)
        data = b''
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: every end of the terminal's other side is closed
                data = b''
            total += len(data)
            if len(out) < KEEP:
                out += data[:KEEP - len(out)]
        if resize_to is not None and not resized and after in out:
            set_columns(master, resize_to)
            proc.send_signal(signal.SIGWINCH)
            resized = True
        if not data and proc.poll() is not None:
            status = proc.returncode
            break
        if time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            break
    os.close(master)
    json.dump({'status': status, 'output': out.decode('latin-1'), 'bytes': total, 'resized': resized}, sys.stdout)


if __name__ == '__main__':
    main(sys.argv[1:])
