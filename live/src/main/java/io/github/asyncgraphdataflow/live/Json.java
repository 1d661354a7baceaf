package io.github.asyncgraphdataflow.live;

/**
 * A tiny JSON writer: enough for the page's few documents, with proper string escaping
 * (quotes, backslashes, control characters, and U+2028/U+2029, which a script would choke on).
 * Written by hand so the module adds no dependency. Not thread-safe: one writer per document.
 */
final class Json {
  private final StringBuilder out = new StringBuilder(256);
  private boolean comma;

  Json beginObject() {
    separate();
    out.append('{');
    comma = false;
    return this;
  }

  Json endObject() {
    out.append('}');
    comma = true;
    return this;
  }

  Json beginArray() {
    separate();
    out.append('[');
    comma = false;
    return this;
  }

  Json endArray() {
    out.append(']');
    comma = true;
    return this;
  }

  /** Writes a member's name; the next value is its value. */
  Json name(String name) {
    separate();
    string(out, name);
    out.append(':');
    comma = false;
    return this;
  }

  Json value(String s) {
    separate();
    if (s == null) {
      out.append("null");
    } else {
      string(out, s);
    }
    comma = true;
    return this;
  }

  Json value(long n) {
    separate();
    out.append(n);
    comma = true;
    return this;
  }

  Json value(double d) {
    separate();
    if (Double.isFinite(d)) {
      out.append(Math.round(d * 10) / 10.0);
    } else {
      out.append("null");
    }
    comma = true;
    return this;
  }

  Json value(boolean b) {
    separate();
    out.append(b);
    comma = true;
    return this;
  }

  Json member(String name, String s) {
    return name(name).value(s);
  }

  Json member(String name, long n) {
    return name(name).value(n);
  }

  Json member(String name, double d) {
    return name(name).value(d);
  }

  Json member(String name, boolean b) {
    return name(name).value(b);
  }

  private void separate() {
    if (comma) {
      out.append(',');
      comma = false;
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** Appends {@code s} as a JSON string literal. */
  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == '<') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
