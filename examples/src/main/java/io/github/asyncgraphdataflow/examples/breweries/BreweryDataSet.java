package io.github.asyncgraphdataflow.examples.breweries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A generated, deterministic data set of brewery-like records in the JSON shape of the Open
 * Brewery DB API (v1): the same seed and size always give the same records. Like the real data,
 * coordinates are text and sometimes missing, some fields are empty strings or null, and some
 * names contain commas and quotes (which the CSV must quote).
 *
 * <p>Immutable and thread-safe.
 */
public final class BreweryDataSet {
  /** The default number of records: more than 8,000, like the real API. */
  public static final int DEFAULT_SIZE = 8_123;

  private static final String[] TYPES =
      {"micro", "nano", "regional", "brewpub", "large", "planning", "bar", "contract",
          "proprietor", "closed"};
  private static final String[] FIRST =
      {"Copper", "Iron", "Hidden", "Lucky", "Old", "Wild", "Red", "Black", "Golden", "Silver",
          "Rusty", "Crooked", "Stone", "River", "Mountain", "Prairie", "Harbor", "Foggy",
          "Northern", "Sunny"};
  private static final String[] SECOND =
      {"Kettle", "Barrel", "Hop", "Anchor", "Fox", "Bear", "Owl", "Mill", "Creek", "Pine",
          "Bridge", "Lantern", "Compass", "Oak", "Wolf", "Raven", "Tide", "Canyon"};
  private static final String[] SUFFIX =
      {"Brewing Company", "Brewery", "Beer Co.", "Ales", "Brewhouse", "Taproom",
          "Brewing, Inc.", "\"The Original\" Brewery"};
  private static final String[] STREETS =
      {"Main St", "Oak Ave", "Market St", "2nd St", "Elm St", "Harbor Rd", "Mill Ln",
          "Station Rd", "Park Ave", "River Dr"};
  // city, state or province, country, latitude, longitude
  private static final Object[][] PLACES = {
      {"Portland", "Oregon", "United States", 45.52, -122.68},
      {"San Diego", "California", "United States", 32.72, -117.16},
      {"Denver", "Colorado", "United States", 39.74, -104.99},
      {"Asheville", "North Carolina", "United States", 35.60, -82.55},
      {"Burlington", "Vermont", "United States", 44.48, -73.21},
      {"Austin", "Texas", "United States", 30.27, -97.74},
      {"Chicago", "Illinois", "United States", 41.88, -87.63},
      {"Grand Rapids", "Michigan", "United States", 42.96, -85.66},
      {"Bend", "Oregon", "United States", 44.06, -121.31},
      {"Milwaukee", "Wisconsin", "United States", 43.04, -87.91},
      {"Dublin", "Leinster", "Ireland", 53.35, -6.26},
      {"Cork", "Munster", "Ireland", 51.90, -8.47},
      {"Edinburgh", "Scotland", "Scotland", 55.95, -3.19},
      {"Singapore", "Singapore", "Singapore", 1.35, 103.82},
      {"Vienna", "Wien", "Austria", 48.21, 16.37},
      {"Dortmund", "Nordrhein-Westfalen", "Germany", 51.51, 7.47},
      {"Krakow", "Malopolskie", "Poland", 50.06, 19.94},
      {"Melbourne", "Victoria", "Australia", -37.81, 144.96},
  };

  private final List<Map<String, Object>> records;

  private BreweryDataSet(List<Map<String, Object>> records) {
    this.records = Collections.unmodifiableList(records);
  }

  /**
   * Generates the data set.
   *
   * @param size how many records
   * @param seed the seed; the same seed and size give the same records
   * @return the data set
   */
  public static BreweryDataSet generate(int size, long seed) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, was " + size);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Map<String, Object>> records = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      records.add(record(random));
    }
    return new BreweryDataSet(records);
  }

  /**
   * The default data set: {@value #DEFAULT_SIZE} records from a fixed seed.
   *
   * @return the data set
   */
  public static BreweryDataSet standard() {
    return generate(DEFAULT_SIZE, 20_240_601L);
  }

  /**
   * How many records there are.
   *
   * @return the size
   */
  public int size() {
    return records.size();
  }

  /**
   * One page of records, as the API pages them (pages count from 1).
   *
   * @param page the page, from 1
   * @param perPage records per page, at least 1
   * @return the page's records (empty past the end)
   */
  public List<Map<String, Object>> page(int page, int perPage) {
    long from = (long) (page - 1) * perPage;
    if (page < 1 || from >= records.size()) {
      return List.of();
    }
    return records.subList((int) from, (int) Math.min(records.size(), from + perPage));
  }

  private static Map<String, Object> record(SplittableRandom r) {
    Object[] place = PLACES[r.nextInt(PLACES.length)];
    String name = pick(r, FIRST) + " " + pick(r, SECOND) + " " + pick(r, SUFFIX);
    if (r.nextInt(25) == 0) {
      name = pick(r, FIRST) + ", " + pick(r, SECOND) + " & Sons " + pick(r, SUFFIX);
    }
    String street = (100 + r.nextInt(9_900)) + " " + pick(r, STREETS);
    boolean located = r.nextInt(5) != 0;
    String lat = located ? coordinate((double) place[3] + r.nextDouble(-0.2, 0.2)) : null;
    String lon = located ? coordinate((double) place[4] + r.nextDouble(-0.2, 0.2)) : null;
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", new UUID(r.nextLong(), r.nextLong()).toString());
    m.put("name", name);
    m.put("brewery_type", pick(r, TYPES));
    m.put("address_1", street);
    m.put("address_2", r.nextInt(10) == 0 ? "Suite " + (1 + r.nextInt(300)) : null);
    m.put("address_3", null);
    m.put("city", place[0]);
    m.put("state_province", place[1]);
    m.put("postal_code", String.format(Locale.ROOT, "%05d", r.nextInt(100_000)));
    m.put("country", place[2]);
    m.put("longitude", lon == null && r.nextBoolean() ? "" : lon);
    m.put("latitude", lat);
    m.put("phone", r.nextInt(8) == 0 ? "" : String.format(Locale.ROOT, "%010d",
        r.nextLong(1_000_000_000L, 10_000_000_000L)));
    m.put("website_url", r.nextInt(3) == 0 ? null : "http://www." + slug + ".com");
    m.put("state", place[1]);
    m.put("street", street);
    return m;
  }

  private static String pick(SplittableRandom r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  private static String coordinate(double v) {
    return String.format(Locale.ROOT, "%.8f", v);
  }
}
