"""The two exceptions of zonal statistics."""


class ZonalStatisticsError(ValueError):
    """Bad input to zonal statistics: the message names the input, the value and the fix."""


class ZonalCancelled(Exception):
    """Raised when ``is_cancelled()`` returned True; no result is produced."""
