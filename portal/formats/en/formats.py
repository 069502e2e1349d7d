"""English dates in the day-month-year order of British and European usage: "28 March 2021"."""

DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
DATETIME_FORMAT = "l j F Y, H:i"
