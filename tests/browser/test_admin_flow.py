"""An editor's round trip in Chromium: log in, add a partner with an image, publish, see it public."""

import io

import pytest
from django.contrib.auth.models import User
from PIL import Image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose_in_autocomplete(page, field_id, search, option=None):
    page.locator(f"#{field_id} + .select2").click()
    page.keyboard.type(search)
    page.locator(".select2-results__option", has_text=option or search).first.click()


def test_editor_adds_a_partner_with_an_image_and_publishes_it(seeded_live_server, page, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    User.objects.create_superuser("publisher", password="a long test password 42")
    picture = tmp_path / "tianfu.jpg"
    output = io.BytesIO()
    Image.new("RGB", (1000, 600), (10, 90, 160)).save(output, format="JPEG")
    picture.write_bytes(output.getvalue())

    page.goto(seeded_live_server.url + "/admin/")
    page.fill("#id_username", "publisher")
    page.fill("#id_password", "a long test password 42")
    page.click("input[type=submit]")
    page.goto(seeded_live_server.url + "/admin/relations/partner/add/")
    page.locator("#id_name_it").press_sequentially("Wuhan")
    page.fill("#id_name_en", "Wuhan")
    assert page.input_value("#id_slug") == ""  # made from the names on saving, shown after it
    page.select_option("#id_kind", "city")
    choose_in_autocomplete(page, "id_country", "China")
    page.check("#id_is_published")
    page.fill("#id_story_it", "Un partner di prova aggiunto **nel browser**.")
    page.fill("#id_story_en", "A test partner added **in the browser**.")
    page.locator("fieldset.collapse summary, fieldset.collapse h2 a, details summary").filter(
        has_text="Image"
    ).first.click()
    page.set_input_files("#id_image", str(picture))
    page.fill("#id_image_alt_it", "Un rettangolo blu")
    page.fill("#id_image_alt_en", "A blue rectangle")
    choose_in_autocomplete(page, "id_source_section", "China", "Emilia-Romagna & Asia — China")
    page.click("input[name=_save]")
    assert "was added successfully" in page.locator("ul.messagelist").inner_text()

    # Saving again without a new picture (the editors' guide publishes by ticking and saving).
    page.goto(seeded_live_server.url + "/admin/relations/partner/?q=Wuhan")
    page.get_by_role("link", name="Wuhan").first.click()
    page.fill("#id_story_en", "A test partner added **in the browser**, then edited.")
    page.click("input[name=_save]")
    assert "was changed successfully" in page.locator("ul.messagelist").inner_text()
    page.get_by_role("link", name="Wuhan").first.click()
    assert "/en/partners/wuhan/" in page.locator(".field-page_addresses").inner_text()

    page.goto(seeded_live_server.url + "/en/partners/wuhan/")
    assert page.locator("h1").inner_text().startswith("Wuhan")
    image = page.locator(".record-image img")
    assert image.get_attribute("alt") == "A blue rectangle"
    assert "480w" in image.get_attribute("srcset")
    assert page.locator("strong", has_text="in the browser").count() == 1
    page.goto(seeded_live_server.url + "/en/partners/?country=china")
    assert page.locator(".tile-title", has_text="Wuhan").count() == 1
