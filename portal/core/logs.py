"""Log records made readable: expected noise stays one line long."""

import logging


class BriefWarning(logging.Filter):
    """Turns a record into a one-line WARNING without its traceback (for expected, harmless events)."""

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = record.stack_info = None
        record.msg = " ".join(str(record.msg).split())
        return True
