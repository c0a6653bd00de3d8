#!/ usr / bin / env python3
"""A real SMTP server for tests: listens on 127.0.0.1 on a free port, writes the port to PORT_FILE
once listening, and saves each accepted message as DIR/<n>.eml (envelope recipients first, as
X-Envelope-To lines). Uses the standard library's smtpd (Python 3.11); stops on SIGTERM."""
import os
import signal
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import asyncore  # noqa: E402  (deprecated, still in Python 3.11)
import smtpd  # noqa: E402


class Sink(smtpd.SMTPServer):
    def __init__(self, directory):
        super().__init__(("127.0.0.1", 0), None, decode_data=False)
        self.directory = directory
        self.count = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        self.count += 1
        path = os.path.join(self.directory, "%d.eml" % self.count)
        with open(path + ".tmp", "wb") as out:
            for rcpt in rcpttos:
                out.write(b"X-Envelope-To: " + rcpt.encode() + b"\n")
            out.write(b"X-Envelope-From: " + mailfrom.encode() + b"\n")
            out.write(data)
        os.rename(path + ".tmp", path)
        return None


def main():
    directory, port_file = sys.argv[1], sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    sink = Sink(directory)
    with open(port_file + ".tmp", "w") as out:
        out.write(str(sink.socket.getsockname()[1]))
    os.rename(port_file + ".tmp", port_file)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    asyncore.loop(timeout=0.2)


if __name__ == "__main__":
    main()
