package io.github.asyncgraphdataflow.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void stringsAreEscapedSoAnyMessageIsValidJsonAndSafeInAPage() {
    String json = new Json().beginObject()
        .member("m", "say \"hi\"\\ \n\t\r\b\f \u0001 \u2028 </script>")
        .member("n", 42L).member("r", 1.25).member("b", true).member("none", (String) null)
        .name("a").beginArray().value(1L).value(2L).endArray()
        .endObject().toString();

    assertThat(json).isEqualTo("{\"m\":\"say \\\"hi\\\"\\\\ \\n\\t\\r\\b\\f \\u0001 \\u2028 "
        + "\\u003c/script>\",\"n\":42,\"r\":1.3,\"b\":true,\"none\":null,\"a\":[1,2]}");
  }

  @Test
  void nonFiniteNumbersBecomeNull() {
    assertThat(new Json().beginArray().value(Double.NaN).value(Double.POSITIVE_INFINITY)
        .endArray().toString()).isEqualTo("[null,null]");
  }
}
