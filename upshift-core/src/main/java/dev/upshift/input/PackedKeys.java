package dev.upshift.input;

import java.util.Arrays;

/**
 * Distinct strings, numbered in the order they were added and found by their characters: a {@link
 * PackedStrings} with an open-addressing hash table of indexes beside it, so that a million keys
 * cost a few arrays instead of a map entry, a string and its bytes each. Append-only; not
 * thread-safe while added to, safe to read from any thread once handed over.
 */
final class PackedKeys implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final PackedStrings keys = new PackedStrings();
  /** {@link String#hashCode} of each key, by index: probes compare it first, growth reuses it. */
  private int[] hashes = new int[16];
  /** Index + 1 of the key in each slot, 0 for a free slot; the length is a power of two. */
  private int[] slots = new int[32];

  /** The index of the key with the characters of {@code key}, or -1 when there is none. */
  int indexOf(CharSequence key) {
    int hash = hashOf(key);
    int mask = slots.length - 1;
    for (int slot = spread(hash) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      int index = slots[slot] - 1;
      if (hashes[index] == hash && keys.equalsAt(index, key)) {
        return index;
      }
    }
    return -1;
  }

  /**
   * Adds a copy of {@code key} and returns its index, or returns -1, adding nothing, when a key
   * with its characters is known.
   */
  int add(CharSequence key) {
    int hash = hashOf(key);
    int mask = slots.length - 1;
    int slot = spread(hash) & mask;
    for (; slots[slot] != 0; slot = (slot + 1) & mask) {
      int index = slots[slot] - 1;
      if (hashes[index] == hash && keys.equalsAt(index, key)) {
        return -1;
      }
    }
    int index = keys.add(key);
    if (index == hashes.length) {
      hashes = Arrays.copyOf(hashes, Math.addExact(index, index >> 1));
    }
    hashes[index] = hash;
    slots[slot] = index + 1;
    if (keys.size() > slots.length >> 1) { // at most half full, so probes stay short
      rehash(slots.length * 2);
    }
    return index;
  }

  String get(int index) {
    return keys.get(index);
  }

  int size() {
    return keys.size();
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    for (int index = 0; index < keys.size(); index++) {
      place(index);
    }
  }

  private void place(int index) {
    int mask = slots.length - 1;
    int slot = spread(hashes[index]) & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = index + 1;
  }

  /** {@link String#hashCode} of the characters, which a {@code String} key has cached. */
  private static int hashOf(CharSequence key) {
    if (key instanceof String text) {
      return text.hashCode();
    }
    int hash = 0;
    for (int i = 0; i < key.length(); i++) {
      hash = 31 * hash + key.charAt(i);
    }
    return hash;
  }

  /**
   * As {@link java.util.HashMap} spreads: the high bits folded in, the order of the low bits kept.
   * Ids numbered in sequence (C000001, C000002...) have nearby hashes, so a file sorted by id fills
   * and is looked up in nearby slots, from cache, where a scrambling hash would miss it each time.
   */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
