"""Italian dates as the Region writes them: "28 marzo 2021", "novembre 2015" (Django's own
Italian format writes "28 Marzo 2021" with a zero-padded day)."""

DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
# The admin's lists: «giovedì 3 dicembre 2026, 15:44» (Django's own: «giovedì 03 Dicembre 2026 15:44»).
DATETIME_FORMAT = "l j F Y, H:i"
