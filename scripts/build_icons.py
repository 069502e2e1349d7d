"""Write the few Bootstrap Italia icons the pages use into one small sprite (static/build/icons.svg).

The package's sprite holds 179 icons (94 KB); the pages use a handful. Run by `make static`:
python scripts/build_icons.py <the package's sprites.svg> <output> <icon id>...
"""

import sys
import xml.etree.ElementTree as ET

SVG = "http://www.w3.org/2000/svg"


def main(source, output, *icons):
    ET.register_namespace("", SVG)
    symbols = {symbol.get("id"): symbol for symbol in ET.parse(source).getroot().iter(f"{{{SVG}}}symbol")}
    missing = [icon for icon in icons if icon not in symbols]
    if missing:
        sys.exit(f"{source}: no icon {', '.join(missing)}")
    sprite = ET.Element(f"{{{SVG}}}svg")
    sprite.extend(symbols[icon] for icon in icons)
    ET.ElementTree(sprite).write(output, encoding="unicode")


if __name__ == "__main__":
    main(*sys.argv[1:])
