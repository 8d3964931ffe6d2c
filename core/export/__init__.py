"""What planners hand on: the result tables as an Excel workbook (:mod:`.workbook`), with the
sheets planned by :mod:`.sheets` and every header in words from :mod:`.headers`."""
