package io.github.asyncgraphdataflow.examples.breweries;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One brewery as the API sends it: every field a string (coordinates included), possibly
 * empty or null. Unknown fields are ignored, so a new field in the API does not break the job.
 *
 * @param id the API's identifier
 * @param name the name
 * @param breweryType micro, nano, regional, brewpub, ...
 * @param address1 first address line
 * @param address2 second address line
 * @param address3 third address line
 * @param city the city
 * @param stateProvince the state or province
 * @param postalCode the postal code
 * @param country the country
 * @param longitude decimal degrees, as text
 * @param latitude decimal degrees, as text
 * @param phone the phone number
 * @param websiteUrl the web site
 * @param state the state (the API's older name for stateProvince)
 * @param street the street (the API's older name for address1)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RawBrewery(
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
    @JsonProperty("longitude") String longitude,
    @JsonProperty("latitude") String latitude,
    @JsonProperty("phone") String phone,
    @JsonProperty("website_url") String websiteUrl,
    @JsonProperty("state") String state,
    @JsonProperty("street") String street) {}
