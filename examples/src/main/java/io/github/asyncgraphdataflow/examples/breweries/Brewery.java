package io.github.asyncgraphdataflow.examples.breweries;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;

/**
 * One brewery, cleaned: text trimmed, empty text as {@code null}, coordinates as numbers
 * ({@code null} when missing or out of range), the brewery type in lower case, the phone number
 * as digits only. The CSV columns and SQLite columns follow the component order.
 *
 * @param id the API's identifier (never null)
 * @param name the name
 * @param breweryType micro, nano, regional, brewpub, ...
 * @param address1 first address line
 * @param address2 second address line
 * @param address3 third address line
 * @param city the city
 * @param stateProvince the state or province
 * @param postalCode the postal code
 * @param country the country
 * @param longitude decimal degrees east, -180 to 180
 * @param latitude decimal degrees north, -90 to 90
 * @param phone digits only
 * @param websiteUrl the web site
 */
@JsonPropertyOrder({"id", "name", "brewery_type", "address_1", "address_2", "address_3", "city",
    "state_province", "postal_code", "country", "longitude", "latitude", "phone", "website_url"})
public record Brewery(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("brewery_type") String breweryType,
    @JsonProperty("address_1") String address1,
    @JsonProperty("address_2") String address2,
    @JsonProperty("address_3") String address3,
    @JsonProperty("city") String city,
    @JsonProperty("state_province") String stateProvince,
    @JsonProperty("postal_code") String postalCode,
    @JsonProperty("country") String country,
    @JsonProperty("longitude") Double longitude,
    @JsonProperty("latitude") Double latitude,
    @JsonProperty("phone") String phone,
    @JsonProperty("website_url") String websiteUrl) {

  /**
   * Cleans a record as the API sent it.
   *
   * @param raw the record
   * @return the cleaned record
   * @throws IllegalArgumentException if it has no id
   */
  public static Brewery clean(RawBrewery raw) {
    String id = text(raw.id());
    if (id == null) {
      throw new IllegalArgumentException("a brewery without an id: " + raw);
    }
    String type = text(raw.breweryType());
    String phone = text(raw.phone()) == null ? null : raw.phone().replaceAll("[^0-9]", "");
    return new Brewery(
        id,
        text(raw.name()),
        type == null ? null : type.toLowerCase(Locale.ROOT),
        firstText(raw.address1(), raw.street()),
        text(raw.address2()),
        text(raw.address3()),
        text(raw.city()),
        firstText(raw.stateProvince(), raw.state()),
        text(raw.postalCode()),
        text(raw.country()),
        coordinate(raw.longitude(), 180),
        coordinate(raw.latitude(), 90),
        phone == null || phone.isEmpty() ? null : phone,
        text(raw.websiteUrl()));
  }

  static String text(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  private static String firstText(String a, String b) {
    String t = text(a);
    return t != null ? t : text(b);
  }

  static Double coordinate(String s, double limit) {
    String t = text(s);
    if (t == null) {
      return null;
    }
    try {
      double v = Double.parseDouble(t);
      return Double.isFinite(v) && Math.abs(v) <= limit ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
