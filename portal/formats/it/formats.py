"""Italian dates as the Region writes them: "28 marzo 2021", "novembre 2015" (Django's own
Italian format writes "28 Marzo 2021" with a zero-padded day)."""

DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
